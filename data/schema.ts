/**
 * The one definition of a Backstory pack. Types are inferred from it; `data:check`,
 * the bundled-pack seeding and user import all parse with this schema, then run the
 * semantic checks in `validate.ts` (references, calendar dates, alias clashes).
 */
import { z } from 'zod';

// No `new Function` probes: extension pages forbid eval, and Firefox logs a CSP error for
// every probe zod makes to find out. Parsing is just as correct without the JIT.
z.config({ jitless: true });

/** Limits keep one pack from flooding the card or the store. */
export const LIMITS = {
  idLength: 80,
  name: 120,
  label: 60,
  topicDescription: 200,
  summary: 1200,
  eventTitle: 160,
  eventDescription: 600,
  factValue: 240,
  aliasText: 80,
  contextWord: 40,
  url: 2048,
  publisher: 120,
  sourceTitle: 300,
  packDescription: 1000,
  entities: 100_000,
  events: 500_000,
  aliasesPerEntity: 64,
} as const;

/** Lower-case slug: letters, digits and single hyphens. */
export const slug = z
  .string()
  .max(LIMITS.idLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, single hyphens)');

/**
 * A date whose written form carries its precision: `2019` (year), `2019-05` (month)
 * or `2019-05-16` (day). Whether it is a real calendar date is checked in validate.ts.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** A full calendar day, YYYY-MM-DD. */
export const dayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Only http(s) links ever reach a reader; `javascript:`, `data:` and the rest are refused. */
export const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const entityKinds = [
  'person',
  'organization',
  'government-body',
  'company',
  'law-or-policy',
  'document',
  'event',
  'place',
  'technology',
] as const;
export const entityKind = z.enum(entityKinds);

export const topicSchema = z.strictObject({
  id: slug,
  label: text(LIMITS.label),
  description: text(LIMITS.topicDescription),
});

/**
 * How news writes a name. A bare string is a case-insensitive alias without context.
 * `caseSensitive` is for acronyms ("NATO", "ZTE"); `context` lists words of which at
 * least one must occur in the same paragraph for an ambiguous alias to count.
 */
export const aliasObjectSchema = z.strictObject({
  text: text(LIMITS.aliasText),
  caseSensitive: z.boolean().optional(),
  context: z.array(text(LIMITS.contextWord)).min(1).max(32).optional(),
  /**
   * Single words that, right before the mention, mean another body of the same name
   * ("Canada's Justice Department", "the Canadian Justice Department"). `'s` stands
   * for any possessive word.
   */
  notAfter: z.array(text(LIMITS.contextWord)).min(1).max(64).optional(),
  /** Single words that, right after the mention, mean something else ("its Japan unit", "CCP Games"). */
  notBefore: z.array(text(LIMITS.contextWord)).min(1).max(64).optional(),
});
export const aliasSchema = z.union([text(LIMITS.aliasText), aliasObjectSchema]);

export const factSchema = z.strictObject({
  label: text(LIMITS.label),
  value: text(LIMITS.factValue),
  date: partialDate.optional(),
});

export const entitySchema = z.strictObject({
  id: slug,
  name: text(LIMITS.name),
  kind: entityKind,
  summary: text(LIMITS.summary),
  aliases: z.array(aliasSchema).max(LIMITS.aliasesPerEntity),
  topics: z.array(slug).min(1, 'an entity belongs to at least one topic'),
  facts: z.array(factSchema).max(16).default([]),
  related: z.array(slug).max(32).default([]),
});

export const sourceSchema = z.strictObject({
  publisher: text(LIMITS.publisher),
  title: text(LIMITS.sourceTitle),
  url: httpUrl,
  date: partialDate.optional(),
});

export const eventSchema = z.strictObject({
  id: slug,
  date: partialDate,
  end: partialDate.optional(),
  title: text(LIMITS.eventTitle),
  description: text(LIMITS.eventDescription),
  entities: z.array(slug).min(1, 'an event involves at least one entity').max(32),
  topics: z.array(slug).min(1, 'an event belongs to at least one topic'),
  /** 1 = a footnote, 3 = notable, 5 = a landmark the story turns on. */
  importance: z.number().int().min(1).max(5),
  sources: z.array(sourceSchema).min(1, 'every event needs at least one source').max(8),
});

export const PACK_FORMAT = 1;

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  id: slug,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be MAJOR.MINOR.PATCH'),
  title: text(LIMITS.name),
  description: text(LIMITS.packDescription),
  asOf: dayDate,
  license: z.strictObject({
    name: text(LIMITS.name),
    url: httpUrl.optional(),
    attribution: text(LIMITS.packDescription),
  }),
  topics: z.array(topicSchema).min(1),
  entities: z.array(entitySchema).max(LIMITS.entities),
  events: z.array(eventSchema).max(LIMITS.events),
});

export type Topic = z.infer<typeof topicSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type AliasRule = z.infer<typeof aliasObjectSchema>;
export type Fact = z.infer<typeof factSchema>;
export type EntityKind = z.infer<typeof entityKind>;
export type Entity = z.infer<typeof entitySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type TimelineEvent = z.infer<typeof eventSchema>;
export type Pack = z.infer<typeof packSchema>;
/** What a pack author writes (defaults not yet applied). */
export type PackInput = z.input<typeof packSchema>;
