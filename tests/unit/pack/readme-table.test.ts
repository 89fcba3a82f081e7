/**
 * The README's table of the bundled pack is current: version, asOf and the entity and
 * event counts per topic are those of data/packs/us-china-tech.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../data/dates';
import { packStats, validatePack } from '../../../data/validate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('README: the bundled pack', () => {
  it('states the pack’s version, asOf and counts per topic', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const result = validatePack(
      JSON.parse(readFileSync(path.join(root, 'data/packs/us-china-tech.json'), 'utf8')),
    );
    if (!result.ok) throw new Error('bundled pack invalid');
    const { pack } = result;
    const stats = packStats(pack);
    const section = readme.slice(
      readme.indexOf('## The bundled pack'),
      readme.indexOf('## Options and permissions'),
    );
    expect(section).toContain(`Version ${pack.version}, knowledge **as of ${formatDate(pack.asOf)}**`);
    expect(section).toContain(`${stats.entities} entities, ${stats.events} events`);
    for (const topic of pack.topics) {
      const row = section.split('\n').find((line) => line.startsWith(`| ${topic.label} `));
      expect(row, topic.label).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(cells.slice(-3, -1), topic.label).toEqual([
        String(stats.perTopic[topic.id]!.entities),
        String(stats.perTopic[topic.id]!.events),
      ]);
    }
  });
});
