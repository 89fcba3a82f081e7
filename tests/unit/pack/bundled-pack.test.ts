/**
 * The pack that ships with the extension: valid, every entity has a usable timeline,
 * every link is a web link, every id is unique.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../data/schema';
import { validatePack } from '../../../data/validate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const raw: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'data/packs/us-china-tech.json'), 'utf8'));

function loadPack(): Pack {
  const result = validatePack(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5), null, 2));
  return result.pack;
}

describe('bundled pack us-china-tech', () => {
  it('passes validation', () => {
    const result = validatePack(raw);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.pack.id).toBe('us-china-tech');
  });

  it('has something to show', () => {
    const pack = loadPack();
    expect(pack.topics.length).toBeGreaterThan(0);
    expect(pack.entities.length).toBeGreaterThan(20);
    expect(pack.events.length).toBeGreaterThan(pack.entities.length);
  });

  it('gives every entity at least three dated events or dated facts', () => {
    const pack = loadPack();
    const dated = new Map(pack.entities.map((e) => [e.id, e.facts.filter((f) => f.date).length]));
    for (const event of pack.events)
      for (const id of new Set(event.entities)) dated.set(id, (dated.get(id) ?? 0) + 1);
    const thin = [...dated].filter(([, n]) => n < 3).map(([id, n]) => `${id}: ${n}`);
    expect(thin).toEqual([]);
  });

  it('links only to http(s) sources', () => {
    const pack = loadPack();
    const urls = pack.events.flatMap((e) => e.sources.map((s) => ({ at: e.id, url: s.url })));
    if (pack.license.url) urls.push({ at: 'license', url: pack.license.url });
    expect(urls.length).toBeGreaterThan(pack.events.length - 1);
    const bad = urls.filter(({ url }) => {
      const parsed = new URL(url);
      return !['https:', 'http:'].includes(parsed.protocol) || parsed.hostname === '';
    });
    expect(bad).toEqual([]);
  });

  it('uses each id once per kind', () => {
    const pack = loadPack();
    const dupes = (list: { id: string }[]) =>
      list.map((x) => x.id).filter((id, i, all) => all.indexOf(id) !== i);
    expect(dupes(pack.topics)).toEqual([]);
    expect(dupes(pack.entities)).toEqual([]);
    expect(dupes(pack.events)).toEqual([]);
    // Each event names an entity once (a repeat would double its row in the timeline index).
    expect(
      pack.events.filter((e) => new Set(e.entities).size !== e.entities.length).map((e) => e.id),
    ).toEqual([]);
  });
});
