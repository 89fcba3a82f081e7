/**
 * UI strings live in `public/_locales/<lang>/messages.json` (the WebExtension i18n
 * convention); `t` is the only way code reads them, so every key is type-checked.
 */
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The translated string for `key`, with `$1`… placeholders filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browser.i18n.getMessage(key, subs) || key;
}

/** Replaces `$1`…`$9` in a raw messages.json string; used where no browser fills them (tests). */
export function fillPlaceholders(message: string, subs: readonly string[] = []): string {
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/**
 * A count in words: the `<key>_one` message for 1 where the locale has one, else `key`.
 * (The WebExtension i18n format has no plural rules; English needs only this split.)
 */
export function tCount(key: MessageKey, count: number): string {
  if (count === 1) {
    const one = `${key}_one` as MessageKey;
    const text = t(one, count);
    if (text !== one) return text;
  }
  return t(key, count);
}
