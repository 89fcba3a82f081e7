/**
 * The chrome-token check's quick rejection (skip-rules.ts, CHROME_WORD_RE) never changes
 * an answer: compared with the full rule, token by token, on class and id values built
 * from chrome words, near misses and ordinary names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHROME_TOKEN_RE, hasChromeToken } from '../../../../utils/page/read/skip-rules';

/** The rule without the quick rejection. */
function full(value: string): boolean {
  return value
    .split(/\s+/)
    .filter((t) => t !== '')
    .some((t) => CHROME_TOKEN_RE.test(t.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()));
}

const PARTS = [
  'nav',
  'Nav',
  'NAV',
  'navbar',
  'menu',
  'Menu',
  'breadcrumbs',
  'footer',
  'cookie',
  'Cookies',
  'consent',
  'comments',
  'Comment',
  'main',
  'site',
  'story',
  'body',
  'wrapper',
  'list',
  'banner',
  'inner',
  'item',
  'x1',
  'canvas',
  'nave',
  'menus',
  'foot',
  'eNav',
];
const SEPARATORS = ['', '-', '_', '--', ' ', '  ', '\t'];

describe('hasChromeToken', () => {
  it('agrees with the full rule on generated class and id values', () => {
    const value = fc
      .array(fc.tuple(fc.constantFrom(...PARTS), fc.constantFrom(...SEPARATORS)), { maxLength: 6 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(value, (v) => hasChromeToken(v) === full(v)),
      { numRuns: 5000 },
    );
  });

  it('keeps the known answers', () => {
    expect(hasChromeToken('site-nav main')).toBe(true);
    expect(hasChromeToken('mainNav')).toBe(true);
    expect(hasChromeToken('cookie-banner')).toBe(true);
    expect(hasChromeToken('canvas navigator')).toBe(false);
    expect(hasChromeToken('story-body')).toBe(false);
    expect(hasChromeToken(null)).toBe(false);
    expect(hasChromeToken('')).toBe(false);
  });
});
