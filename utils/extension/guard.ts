/**
 * Every message the background accepts passes here: it must come from this extension
 * (our content scripts or our pages) and its payload must match its schema. Anything
 * else is dropped, and logged once in development builds.
 */
import { z } from 'zod';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; active?: boolean };
}

/** True for our own content scripts (a tab) and our own pages (our origin). */
export function isOwnSender(sender: SenderLike | undefined, runtimeId: string, ownOrigin: string): boolean {
  if (!sender || sender.id !== runtimeId) return false;
  if (sender.tab?.id !== undefined) return true;
  return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

const dayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const entityKey = z.string().min(3).max(200);

export const pageReportSchema = z.strictObject({
  mentions: z
    .array(
      z.strictObject({
        entityId: entityKey,
        count: z.number().int().min(1).max(1_000_000),
        order: z.number().int().min(0).max(1_000_000),
      }),
    )
    .max(10_000),
  publishedAt: dayDate.optional(),
  highlightApi: z.boolean(),
  active: z.boolean(),
  site: z.string().max(253),
});

export const cardRequestSchema = z.strictObject({
  entityId: entityKey,
  articleDate: dayDate.optional(),
});

export const openTimelineSchema = z.strictObject({ entityId: entityKey });

const warned = new Set<string>();

/** Logs a rejected message once per reason, in development builds only. */
export function warnOnce(reason: string, dev: boolean): void {
  if (!dev || warned.has(reason)) return;
  warned.add(reason);
  console.warn(`[backstory] ignored message: ${reason}`);
}

export interface GuardContext {
  runtimeId: string;
  ownOrigin: string;
  dev: boolean;
}

/**
 * Wraps a handler: checks sender and payload, then calls it with the parsed data.
 * Rejected messages resolve to `fallback`.
 */
export function guarded<S extends z.ZodType, R>(
  ctx: GuardContext,
  name: string,
  schema: S,
  fallback: R,
  handler: (data: z.infer<S>, sender: SenderLike) => R | Promise<R>,
): (message: { data: unknown; sender: SenderLike }) => R | Promise<R> {
  return (message) => {
    if (!isOwnSender(message.sender, ctx.runtimeId, ctx.ownOrigin)) {
      warnOnce(`${name}: foreign sender`, ctx.dev);
      return fallback;
    }
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) {
      warnOnce(`${name}: bad payload`, ctx.dev);
      return fallback;
    }
    return handler(parsed.data, message.sender);
  };
}
