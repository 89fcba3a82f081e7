/**
 * The highlight colours in highlights.css, checked against WCAG: every palette's mark
 * needs 3:1 against the page (non-text contrast, 1.4.11) on a light page (white) and on
 * a dark one (#121212, under prefers-color-scheme: dark); the "current" highlight sets
 * the text colour and so must keep text at 4.5:1 (1.4.3) over its own tint.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE_SWATCHES } from '../../components/options/HighlightingSection';
import { PALETTES } from '../../utils/shared/settings';

type Rgba = [number, number, number, number];
type Rules = Map<string, Map<string, string>>;

const LIGHT_PAGE: Rgba = [255, 255, 255, 1];
const DARK_PAGE: Rgba = [0x12, 0x12, 0x12, 1];

const css = readFileSync(resolve(__dirname, '../../utils/page/highlights.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Splits the stylesheet into top-level rules and the rules of the dark-scheme media query. */
function parse(text: string): { light: Rules; dark: Rules } {
  const light: Rules = new Map();
  const dark: Rules = new Map();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (depth > 0 && j < text.length) {
      if (text[j] === '{') depth++;
      if (text[j] === '}') depth--;
      j++;
    }
    const body = text.slice(open + 1, j - 1);
    if (prelude.startsWith('@media')) {
      if (/prefers-color-scheme:\s*dark/.test(prelude))
        for (const [k, v] of parse(body).light) dark.set(k, v);
    } else {
      light.set(prelude, declarations(body));
    }
    i = j;
  }
  return { light, dark };
}

function declarations(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of body.split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) out.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
  }
  return out;
}

/** The first colour (#rgb, #rrggbb or rgb()/rgba()) in a declaration value. */
function colourIn(value: string | undefined): Rgba {
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec(value ?? '');
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16)).concat(1) as Rgba;
  }
  const fn = /rgba?\(([^)]+)\)/i.exec(value ?? '');
  if (fn) {
    const [r, g, b, a = 1] = fn[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r!, g!, b!, a];
  }
  throw new Error(`no colour in ${JSON.stringify(value)}`);
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((k) => top[k]! * a + bottom[k]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const { light, dark } = parse(css);

/** The value of `property` for `selector` in a scheme: the dark rule wins where it sets it. */
function valueOf(selector: string, scheme: 'light' | 'dark', ...properties: string[]): string | undefined {
  for (const rules of scheme === 'dark' ? [dark, light] : [light]) {
    const decls = rules.get(selector);
    for (const p of properties) if (decls?.has(p)) return decls.get(p);
  }
  return undefined;
}

describe('the contrast checker itself', () => {
  it('agrees with known WCAG ratios', () => {
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5);
    expect(contrast([0x76, 0x76, 0x76, 1], [255, 255, 255, 1])).toBeCloseTo(4.54, 2);
    expect(over([0, 0, 0, 0.5], [255, 255, 255, 1])[0]).toBeCloseTo(127.5, 5);
  });
});

describe('highlights.css', () => {
  it('defines every palette, in both styles', () => {
    for (const palette of PALETTES) {
      expect(light.has(`::highlight(backstory-underline-${palette})`), palette).toBe(true);
      expect(light.has(`::highlight(backstory-background-${palette})`), palette).toBe(true);
      expect(dark.has(`::highlight(backstory-underline-${palette})`), palette).toBe(true);
    }
  });

  describe.each(PALETTES)('the %s underline', (palette) => {
    const selector = `::highlight(backstory-underline-${palette})`;
    it('is at least 3:1 against a light page', () => {
      const mark = colourIn(valueOf(selector, 'light', 'text-decoration-color', 'text-decoration'));
      expect(contrast(over(mark, LIGHT_PAGE), LIGHT_PAGE)).toBeGreaterThanOrEqual(3);
    });
    it('is at least 3:1 against a dark page', () => {
      const mark = colourIn(valueOf(selector, 'dark', 'text-decoration-color', 'text-decoration'));
      expect(contrast(over(mark, DARK_PAGE), DARK_PAGE)).toBeGreaterThanOrEqual(3);
    });
    it('is the colour the options page shows for it', () => {
      const mark = colourIn(valueOf(selector, 'light', 'text-decoration-color', 'text-decoration'));
      expect(mark).toEqual(colourIn(PALETTE_SWATCHES[palette]));
    });
  });

  describe.each([
    ['light', LIGHT_PAGE],
    ['dark', DARK_PAGE],
  ] as const)('the current mention on a %s page', (scheme, page) => {
    it('keeps its text at least 4.5:1 over its tint', () => {
      const selector = '::highlight(backstory-current)';
      const tint = over(colourIn(valueOf(selector, scheme, 'background-color', 'background')), page);
      const text = colourIn(valueOf(selector, scheme, 'color'));
      expect(contrast(text, tint)).toBeGreaterThanOrEqual(4.5);
    });
  });
});
