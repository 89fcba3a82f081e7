import { afterEach, describe, expect, it, vi } from 'vitest';
import { guarded, isOwnSender, warnOnce, type GuardContext } from '../../../utils/extension/guard';
import {
  cardRequestSchema,
  entityRequestSchema as openTimelineSchema,
  pageReportSchema,
} from '../../../utils/shared/protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const ctx: GuardContext = { runtimeId: ID, ownOrigin: ORIGIN, dev: false };

const contentScript = { id: ID, url: 'https://news.example/story', tab: { id: 7 } };
const ownPage = { id: ID, url: `${ORIGIN}sidepanel.html` };

const report = {
  mentions: [{ entityId: 'pack:entity', count: 2, order: 0 }],
  publishedAt: '2019-07-10',
  highlightApi: true,
  active: true,
  site: 'news.example',
};

describe('isOwnSender', () => {
  it('accepts our content scripts and our pages', () => {
    expect(isOwnSender(contentScript, ID, ORIGIN)).toBe(true);
    expect(isOwnSender(ownPage, ID, ORIGIN)).toBe(true);
  });

  it('refuses other extensions, even from a tab or with our URL', () => {
    expect(isOwnSender({ ...contentScript, id: 'someotherextensionid' }, ID, ORIGIN)).toBe(false);
    expect(isOwnSender({ id: 'other', url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe(false);
    expect(isOwnSender({ url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe(false);
  });

  it('refuses a sender without a tab from another origin, or without any URL', () => {
    expect(isOwnSender({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBe(false);
    expect(isOwnSender({ id: ID, url: `chrome-extension://${'x'.repeat(32)}/p.html` }, ID, ORIGIN)).toBe(
      false,
    );
    expect(isOwnSender({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isOwnSender({ id: ID, tab: {} }, ID, ORIGIN)).toBe(false);
    expect(isOwnSender(undefined, ID, ORIGIN)).toBe(false);
  });

  it('does not take an origin that merely starts like ours', () => {
    // ownOrigin ends with "/", so "chrome-extension://<id>.evil/" cannot pass the prefix check.
    expect(isOwnSender({ id: ID, url: `chrome-extension://${ID}.evil.example/x` }, ID, ORIGIN)).toBe(false);
  });
});

describe('message schemas', () => {
  it('accept well-formed payloads', () => {
    expect(pageReportSchema.safeParse(report).success).toBe(true);
    expect(cardRequestSchema.safeParse({ entityId: 'pack:entity', articleDate: '2019-07-10' }).success).toBe(
      true,
    );
    expect(openTimelineSchema.safeParse({ entityId: 'pack:entity' }).success).toBe(true);
  });

  it.each([
    ['extra keys', { ...report, url: 'https://news.example/story' }],
    ['a missing field', { ...report, site: undefined }],
    ['a wrong type', { ...report, active: 'yes' }],
    ['a bad date', { ...report, publishedAt: '10/07/2019' }],
    ['a negative count', { ...report, mentions: [{ entityId: 'pack:entity', count: -1, order: 0 }] }],
    [
      'a huge mentions array',
      { ...report, mentions: Array.from({ length: 10_001 }, () => report.mentions[0]) },
    ],
    ['an overlong site', { ...report, site: 'a'.repeat(254) }],
    ['not an object', 'report'],
    ['null', null],
  ])('refuse a page report with %s', (_name, payload) => {
    expect(pageReportSchema.safeParse(payload).success).toBe(false);
  });

  it('refuse card requests with an overlong or empty id, or extra keys', () => {
    expect(cardRequestSchema.safeParse({ entityId: 'x'.repeat(201) }).success).toBe(false);
    expect(cardRequestSchema.safeParse({ entityId: '' }).success).toBe(false);
    expect(cardRequestSchema.safeParse({ entityId: 'pack:entity', extra: 1 }).success).toBe(false);
    expect(openTimelineSchema.safeParse({ entityId: ['pack:entity'] }).success).toBe(false);
  });
});

describe('guarded', () => {
  afterEach(() => vi.restoreAllMocks());

  it('calls the handler with the parsed data for our own senders', async () => {
    const handler = vi.fn((data: { entityId: string }, _sender: unknown) => `card for ${data.entityId}`);
    const handle = guarded(ctx, 'contentOpenTimeline', 'fallback', handler);
    expect(await handle({ data: { entityId: 'pack:entity' }, sender: contentScript })).toBe(
      'card for pack:entity',
    );
    expect(await handle({ data: { entityId: 'pack:entity' }, sender: ownPage })).toBe('card for pack:entity');
    expect(handler).toHaveBeenCalledTimes(2);
    expect(handler.mock.calls[0]![1]).toBe(contentScript);
  });

  it('answers foreign senders and bad payloads with the fallback, never calling the handler', async () => {
    const handler = vi.fn(() => undefined);
    const handle = guarded(ctx, 'contentReportPage', 'fallback' as unknown as void, handler);
    const cases = [
      { data: report, sender: { ...contentScript, id: 'other-extension' } },
      { data: report, sender: { id: ID, url: 'https://evil.example/' } },
      { data: report, sender: {} },
      { data: { ...report, mentions: 'all' }, sender: contentScript },
      {
        data: { ...report, mentions: Array.from({ length: 50_000 }, () => report.mentions[0]) },
        sender: contentScript,
      },
      { data: undefined, sender: contentScript },
    ];
    for (const message of cases) expect(await handle(message)).toBe('fallback');
    expect(handler).not.toHaveBeenCalled();
  });

  it('logs a rejection once per reason, and only in development builds', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const quiet = guarded(ctx, 'contentGetEntityCard', null, () => null);
    quiet({ data: {}, sender: ownPage });
    expect(warn).not.toHaveBeenCalled();

    const dev = guarded({ ...ctx, dev: true }, 'contentOpenTimeline', undefined, () => undefined);
    dev({ data: {}, sender: ownPage });
    dev({ data: { nope: 1 }, sender: ownPage });
    dev({ data: {}, sender: { id: 'other' } });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[backstory] ignored message: contentOpenTimeline: bad payload',
      '[backstory] ignored message: contentOpenTimeline: foreign sender',
    ]);
    warnOnce('contentOpenTimeline: bad payload', true);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
