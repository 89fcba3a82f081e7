/**
 * Every message the background accepts passes here: it must come from this extension
 * (our content scripts or our pages) and its payload must match its schema. Anything
 * else is dropped, and logged once in development builds.
 */
import type { z } from 'zod';
import { backgroundMessages } from '../shared/protocol';

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

type BackgroundMessages = typeof backgroundMessages;

/**
 * Wraps the handler of one message to the background: checks the sender, then parses the
 * payload with that message's schema from the protocol, and calls the handler with the
 * parsed data. Rejected messages resolve to `fallback`.
 */
export function guarded<K extends keyof BackgroundMessages, R>(
  ctx: GuardContext,
  name: K,
  fallback: R,
  handler: (data: z.infer<BackgroundMessages[K]>, sender: SenderLike) => R | Promise<R>,
): (message: { data: unknown; sender: SenderLike }) => R | Promise<R> {
  const schema: z.ZodType = backgroundMessages[name];
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
    return handler(parsed.data as z.infer<BackgroundMessages[K]>, message.sender);
  };
}
