/**
 * Validation of a pack: the zod schema first, then what a schema cannot say (unique
 * ids, references, calendar dates, alias clashes, stop-words). Used by `data:check`,
 * by seeding the bundled pack and by user import, so all three agree.
 */
import type { z } from 'zod';
import { aliasKey, foldText } from './alias-key';
import { endKey, isRealDate, startKey } from './dates';
import { packSchema, type Alias, type Pack } from './schema';
import { STOP_WORDS } from './stopwords';

export interface Problem {
  /** JSON path of the offending value, e.g. `$.entities[3].aliases[0]`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

/** Turns zod's path array into `$.a[0].b`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** Parses JSON text without throwing; a syntax error becomes a problem at `$`. */
export function parsePackText(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return validatePack(data);
}

/**
 * Validates a pack; on success returns it with defaults applied. On failure it lists every
 * problem in one run: the schema's and the semantic ones (the latter read what they can
 * of a pack that does not fully parse), each with its JSON path, in path order.
 */
export function validatePack(data: unknown): ValidationResult {
  const parsed = packSchema.safeParse(data);
  if (parsed.success) {
    const problems = semanticProblems(parsed.data);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: parsed.data };
  }
  const problems = schemaProblems(parsed.error);
  const seen = new Set(problems.map((p) => `${p.path}\u0000${p.message}`));
  for (const p of semanticProblems(looseView(data))) {
    const key = `${p.path}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return { ok: false, problems };
}

/**
 * What the semantic checks can read of a pack that failed the schema: every value of the
 * wrong type becomes absent or empty, so no check throws, and indices stay as written.
 */
function looseView(data: unknown): Pack {
  const obj = (x: unknown): Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  const str = (x: unknown): string => (typeof x === 'string' ? x : '');
  const opt = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  const strings = (x: unknown): string[] => list(x).map(str);
  const root = obj(data);
  return {
    asOf: str(root.asOf),
    topics: list(root.topics).map((t) => ({ id: str(obj(t).id) })),
    entities: list(root.entities).map((e) => {
      const o = obj(e);
      return {
        id: str(o.id),
        topics: strings(o.topics),
        related: strings(o.related),
        facts: list(o.facts).map((f) => ({ date: opt(obj(f).date) })),
        aliases: list(o.aliases).map((a): Alias => {
          if (typeof a === 'string') return a;
          const ao = obj(a);
          return {
            text: str(ao.text),
            caseSensitive: ao.caseSensitive === true,
            context: strings(ao.context),
          };
        }),
      };
    }),
    events: list(root.events).map((e) => {
      const o = obj(e);
      return {
        id: str(o.id),
        date: str(o.date),
        end: opt(o.end),
        entities: strings(o.entities),
        topics: strings(o.topics),
        sources: list(o.sources).map((src) => ({ date: opt(obj(src).date) })),
      };
    }),
  } as unknown as Pack;
}

/** The normalized view of an alias the checks compare. */
export function aliasRule(alias: Alias): {
  text: string;
  caseSensitive: boolean;
  context: string[];
  notAfter: string[];
  notBefore: string[];
} {
  return typeof alias === 'string'
    ? { text: alias, caseSensitive: false, context: [], notAfter: [], notBefore: [] }
    : {
        text: alias.text,
        caseSensitive: alias.caseSensitive ?? false,
        context: alias.context ?? [],
        notAfter: alias.notAfter ?? [],
        notBefore: alias.notBefore ?? [],
      };
}

const ACRONYM = /^[\p{Lu}\p{N}.&-]{2,8}$/u;

function semanticProblems(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const asOfOk = isRealDate(pack.asOf);
  if (pack.asOf && !asOfOk) add('$.asOf', `${pack.asOf} is not a calendar date`);
  /** Nothing may be later than the pack's knowledge: a month or year counts as its last day. */
  const checkNotLate = (path: string, value: string | undefined, what: string) => {
    if (asOfOk && value && isRealDate(value) && endKey(value) > pack.asOf)
      add(path, `${what} ${value} is after the pack's asOf (${pack.asOf})`);
  };

  const topicIds = uniqueIds(pack.topics, '$.topics', 'topic', add);
  const entityIds = uniqueIds(pack.entities, '$.entities', 'entity', add);
  uniqueIds(pack.events, '$.events', 'event', add);

  const checkDate = (path: string, value: string | undefined) => {
    if (value !== undefined && !isRealDate(value)) add(path, `${value} is not a calendar date`);
  };

  // Alias clashes: key → first claimant.
  const claims = new Map<string, { entity: number; alias: number; context: string[] }>();

  pack.entities.forEach((entity, i) => {
    const base = `$.entities[${i}]`;
    entity.topics.forEach((t, j) => {
      if (!topicIds.has(t)) add(`${base}.topics[${j}]`, `unknown topic "${t}"`);
    });
    entity.related.forEach((r, j) => {
      if (!entityIds.has(r)) add(`${base}.related[${j}]`, `unknown entity "${r}"`);
      else if (r === entity.id) add(`${base}.related[${j}]`, 'an entity cannot be related to itself');
    });
    entity.facts.forEach((f, j) => {
      checkDate(`${base}.facts[${j}].date`, f.date);
      checkNotLate(`${base}.facts[${j}].date`, f.date, 'fact dated');
    });

    entity.aliases.forEach((alias, j) => {
      const path = `${base}.aliases[${j}]`;
      const rule = aliasRule(alias);
      const folded = foldText(rule.text);
      if ([...folded].length < 2) {
        add(path, `alias "${rule.text}" is too short to match reliably`);
        return;
      }
      if (!/[\p{L}\p{N}]/u.test(folded)) {
        add(path, `alias "${rule.text}" has no letters or digits`);
        return;
      }
      if (!rule.caseSensitive && ACRONYM.test(rule.text) && /\p{Lu}.*\p{Lu}/u.test(rule.text)) {
        add(
          path,
          `acronym "${rule.text}" must be caseSensitive (it would match "${rule.text.toLowerCase()}")`,
        );
      }
      const lower = folded.toLowerCase();
      if (!rule.caseSensitive && rule.context.length === 0 && STOP_WORDS.has(lower)) {
        add(path, `"${rule.text}" is a common word: give it context words or drop it`);
      }
      const key = rule.caseSensitive ? `=${folded}` : `~${lower}`;
      const prior = claims.get(key);
      if (prior && prior.entity !== i && !contextsDiffer(prior.context, rule.context)) {
        add(
          path,
          `alias "${rule.text}" is also claimed by "${pack.entities[prior.entity]?.id}" (at $.entities[${prior.entity}].aliases[${prior.alias}]); give both different context words`,
        );
      }
      if (!prior) claims.set(key, { entity: i, alias: j, context: rule.context });
    });
  });

  // A case-insensitive alias clashes with a case-sensitive alias of another entity
  // that has the same letters ("nato" vs "NATO").
  for (const [key, claim] of claims) {
    if (!key.startsWith('=')) continue;
    const loose = claims.get(`~${key.slice(1).toLowerCase()}`);
    if (loose && loose.entity !== claim.entity && !contextsDiffer(loose.context, claim.context)) {
      add(
        `$.entities[${claim.entity}].aliases[${claim.alias}]`,
        `alias "${key.slice(1)}" overlaps a case-insensitive alias of "${pack.entities[loose.entity]?.id}"`,
      );
    }
  }

  pack.events.forEach((event, i) => {
    const base = `$.events[${i}]`;
    checkDate(`${base}.date`, event.date);
    checkDate(`${base}.end`, event.end);
    checkNotLate(`${base}.date`, event.date, 'event dated');
    checkNotLate(`${base}.end`, event.end, 'event ending');
    if (
      event.end &&
      isRealDate(event.end) &&
      isRealDate(event.date) &&
      startKey(event.end) < startKey(event.date)
    ) {
      add(`${base}.end`, `ends (${event.end}) before it starts (${event.date})`);
    }
    event.entities.forEach((id, j) => {
      if (!entityIds.has(id)) add(`${base}.entities[${j}]`, `unknown entity "${id}"`);
    });
    event.topics.forEach((t, j) => {
      if (!topicIds.has(t)) add(`${base}.topics[${j}]`, `unknown topic "${t}"`);
    });
    event.sources.forEach((s, j) => {
      checkDate(`${base}.sources[${j}].date`, s.date);
      checkNotLate(`${base}.sources[${j}].date`, s.date, 'source dated');
    });
  });

  return problems;
}

function uniqueIds(
  items: readonly { id: string }[],
  base: string,
  what: string,
  add: (path: string, message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (!item.id) return; // a missing id is the schema's to report
    if (ids.has(item.id)) add(`${base}[${i}].id`, `duplicate ${what} id "${item.id}"`);
    ids.add(item.id);
  });
  return ids;
}

/** Two claims on one alias are fine only when both need context and the contexts differ. */
function contextsDiffer(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !sameSet(a.map(aliasKey), b.map(aliasKey));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** Counts for `data:check` and the options page. */
export interface PackStats {
  entities: number;
  events: number;
  sources: number;
  aliases: number;
  perTopic: Record<string, { entities: number; events: number }>;
}

export function packStats(pack: Pack): PackStats {
  const perTopic: PackStats['perTopic'] = {};
  for (const t of pack.topics) perTopic[t.id] = { entities: 0, events: 0 };
  for (const e of pack.entities) for (const t of e.topics) if (perTopic[t]) perTopic[t].entities++;
  for (const e of pack.events) for (const t of e.topics) if (perTopic[t]) perTopic[t].events++;
  return {
    entities: pack.entities.length,
    events: pack.events.length,
    sources: pack.events.reduce((n, e) => n + e.sources.length, 0),
    aliases: pack.entities.reduce((n, e) => n + e.aliases.length, 0),
    perTopic,
  };
}
