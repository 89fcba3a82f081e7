/**
 * npm run data:check — validates every pack in data/packs with the same schema and
 * checks as seeding and import, plus the quality bar for packs we ship (every entity
 * with at least three dated events or facts). Prints problems with their JSON paths,
 * then counts and coverage; exits non-zero on any problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packStats, parsePackText, type Problem } from '../data/validate';
import type { Pack } from '../data/schema';

const dir = resolve(import.meta.dirname, '..', 'data', 'packs');

/** Entities with fewer than three dated events or facts. */
export function thinEntities(pack: Pack): Problem[] {
  const events = new Map<string, number>();
  for (const e of pack.events)
    for (const id of new Set(e.entities)) events.set(id, (events.get(id) ?? 0) + 1);
  const problems: Problem[] = [];
  pack.entities.forEach((entity, i) => {
    const dated = (events.get(entity.id) ?? 0) + entity.facts.filter((f) => f.date).length;
    if (dated < 3)
      problems.push({
        path: `$.entities[${i}]`,
        message: `"${entity.id}" has only ${dated} dated events or facts (needs 3)`,
      });
  });
  return problems;
}

let failures = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const result = parsePackText(readFileSync(join(dir, file), 'utf8'));
  const problems = result.ok ? thinEntities(result.pack) : result.problems;
  if (problems.length > 0) {
    failures += problems.length;
    console.log(`✗ ${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.log(`  ${p.path}: ${p.message}`);
    continue;
  }
  if (!result.ok) continue;
  const stats = packStats(result.pack);
  console.log(`✓ ${file}: ${result.pack.title} v${result.pack.version}, as of ${result.pack.asOf}`);
  console.log(
    `  ${stats.entities} entities, ${stats.events} events, ${stats.sources} sources, ${stats.aliases} aliases`,
  );
  const dates = result.pack.events.map((e) => e.date).sort();
  console.log(`  events from ${dates[0]} to ${dates[dates.length - 1]}`);
  console.log('  topic                                   entities  events');
  for (const topic of result.pack.topics) {
    const t = stats.perTopic[topic.id]!;
    console.log(
      `  ${topic.label.padEnd(40)}${String(t.entities).padStart(8)}${String(t.events).padStart(8)}`,
    );
  }
  const hosts = new Map<string, number>();
  for (const e of result.pack.events)
    for (const s of e.sources) {
      const host = new URL(s.url).hostname.replace(/^www\./, '');
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
    }
  console.log(
    `  ${hosts.size} distinct source sites; most cited: ${[...hosts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([h, n]) => `${h} (${n})`)
      .join(', ')}`,
  );
}
if (failures > 0) {
  console.log(`data:check failed: ${failures} problem(s)`);
  process.exit(1);
}
