import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compareVersions,
  openBackstoryDB,
  removePack,
  setPackEnabled,
  writePack,
  DB_NAME,
} from '../../../data/db';
import { exportPack } from '../../../data/export';
import { validatePack } from '../../../data/validate';
import { ensureBundledPack, PackRejectedError } from '../../../utils/extension/store';
import { generatePack, smallPack, validPack } from '../../fixtures/packs';

async function counts(db: Awaited<ReturnType<typeof openBackstoryDB>>) {
  return {
    packs: await db.count('packs'),
    topics: await db.count('topics'),
    entities: await db.count('entities'),
    events: await db.count('events'),
    links: await db.count('eventLinks'),
  };
}

const SMALL = { packs: 1, topics: 2, entities: 4, events: 11, links: 19 };

afterEach(() => vi.restoreAllMocks());

describe('seeding the bundled pack', () => {
  it('writes every record once', async () => {
    const db = await openBackstoryDB();
    expect(await ensureBundledPack(db, smallPack())).toBe('written');
    expect(await counts(db)).toEqual(SMALL);
    const pack = await db.get('packs', 'test-pack');
    expect(pack).toMatchObject({
      origin: 'bundled',
      enabled: true,
      version: '1.0.0',
      counts: { entities: 4, events: 11 },
    });
  });

  it('is idempotent: the same version again changes nothing', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    const before = await db.get('packs', 'test-pack');
    expect(await ensureBundledPack(db, smallPack())).toBe('unchanged');
    expect(await counts(db)).toEqual(SMALL);
    expect((await db.get('packs', 'test-pack'))?.installedAt).toBe(before?.installedAt);
  });

  it('two contexts seeding at once end with exactly one copy', async () => {
    const [a, b] = await Promise.all([openBackstoryDB(), openBackstoryDB()]);
    const outcomes = await Promise.all([
      ensureBundledPack(a, smallPack()),
      ensureBundledPack(b, smallPack()),
    ]);
    expect(outcomes.sort()).toEqual(['unchanged', 'written']);
    expect(await counts(a)).toEqual(SMALL);
  });

  it('a newer version replaces the old data, keeps the enabled flag, and leaves imported packs alone', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    await writePack(db, validPack(smallPack({ id: 'mine', title: 'Mine' })), 'imported');
    await setPackEnabled(db, 'test-pack', false);

    const next = smallPack({ version: '1.1.0' });
    next.entities = next.entities.filter((e) => e.id !== 'ada-quill');
    next.events = next.events.filter((e) => !e.entities.includes('ada-quill'));
    expect(await ensureBundledPack(db, next)).toBe('written');

    expect(await db.get('entities', 'test-pack:ada-quill')).toBeUndefined();
    expect(await db.get('entities', 'mine:ada-quill')).toBeDefined();
    expect((await db.get('packs', 'test-pack'))?.enabled).toBe(false);
    expect((await db.get('packs', 'test-pack'))?.version).toBe('1.1.0');
    expect((await db.get('packs', 'mine'))?.origin).toBe('imported');
    // An older bundled version never downgrades.
    expect(await ensureBundledPack(db, smallPack({ version: '1.0.5' }))).toBe('unchanged');
  });

  it('a seed that fails halfway leaves nothing behind, and the next seed completes', async () => {
    const db = await openBackstoryDB();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 10) throw new Error('worker killed');
      return realPut.apply(this, args as [unknown, IDBValidKey?]);
    });
    await expect(ensureBundledPack(db, smallPack())).rejects.toThrow('worker killed');
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual({ packs: 0, topics: 0, entities: 0, events: 0, links: 0 });
    expect(await ensureBundledPack(db, smallPack())).toBe('written');
    expect(await counts(db)).toEqual(SMALL);
  });

  it('rejects an invalid bundled pack whole, with its problems, writing nothing', async () => {
    const db = await openBackstoryDB();
    const bad = smallPack();
    bad.events[0]!.sources[0]!.url = 'javascript:alert(1)';
    const error = await ensureBundledPack(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackRejectedError);
    expect((error as PackRejectedError).problems[0]?.path).toBe('$.events[0].sources[0].url');
    expect(await counts(db)).toEqual({ packs: 0, topics: 0, entities: 0, events: 0, links: 0 });
  });

  it('stores HTML in strings as inert text', async () => {
    const db = await openBackstoryDB();
    const pack = smallPack();
    pack.entities[0]!.name = '<img src=x onerror=alert(1)>';
    await ensureBundledPack(db, pack);
    expect((await db.get('entities', 'test-pack:northwind'))?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('seeds 50,000 entities in one transaction', async () => {
    const db = await openBackstoryDB();
    const pack = validPack(generatePack(50_000, 1));
    await writePack(db, pack, 'imported');
    expect(await db.count('entities')).toBe(50_000);
    expect(await db.count('events')).toBe(50_000);
  }, 120_000);

  it('removes a pack with everything in it', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    await writePack(db, validPack(smallPack({ id: 'mine' })), 'imported');
    await removePack(db, 'mine');
    expect(await counts(db)).toEqual(SMALL);
  });

  it('exports a pack that validates and equals what was imported', async () => {
    const db = await openBackstoryDB();
    const original = validPack(smallPack());
    await writePack(db, original, 'imported');
    const exported = await exportPack(db, 'test-pack');
    const again = validatePack(exported);
    expect(again.ok).toBe(true);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(exported!.entities)).toEqual(byId(original.entities));
    expect(byId(exported!.events)).toEqual(byId(original.events));
  });
});

describe('compareVersions', () => {
  it('compares numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.9', '1.0.0')).toBeLessThan(0);
  });
});

describe('schema migrations', () => {
  it('upgrades a version-1 database without losing anything', async () => {
    // The v1 shape, as it shipped: events indexed by entity through a multiEntry index.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('packs', { keyPath: 'id' });
        db.createObjectStore('topics', { keyPath: 'key' }).createIndex('packId', 'packId');
        const entities = db.createObjectStore('entities', { keyPath: 'key' });
        entities.createIndex('packId', 'packId');
        entities.createIndex('aliasKeys', 'aliasKeys', { multiEntry: true });
        entities.createIndex('topics', 'topics', { multiEntry: true });
        const events = db.createObjectStore('events', { keyPath: 'key' });
        events.createIndex('packId', 'packId');
        events.createIndex('startKey', 'startKey');
        events.createIndex('entities', 'entities', { multiEntry: true });
      },
    });
    await v1.put('packs', { id: 'old', version: '0.1.0', title: 'Old', enabled: true, origin: 'imported' });
    await v1.put('topics', { key: 'old:t', packId: 'old', id: 't', label: 'T', description: 'd' });
    await v1.put('entities', {
      key: 'old:acme',
      packId: 'old',
      id: 'acme',
      name: 'Acme Widgets',
      kind: 'company',
      summary: 'Makes widgets.',
      aliases: [{ text: 'Acme', caseSensitive: false }],
      topics: ['old:t'],
      facts: [],
      related: [],
      aliasKeys: ['acme widgets', 'acme'],
    });
    for (const [id, date] of [
      ['b', '2020-05-01'],
      ['a', '2019-01-01'],
    ] as const) {
      await v1.put('events', {
        key: `old:${id}`,
        packId: 'old',
        id,
        date,
        startKey: date,
        title: id,
        description: id,
        entities: ['old:acme'],
        topics: ['old:t'],
        importance: 3,
        sources: [],
      });
    }
    v1.close();

    const db = await openBackstoryDB();
    expect(await db.count('entities')).toBe(1);
    expect(await db.count('events')).toBe(2);
    const links = await db.getAll('eventLinks');
    expect(links.map((l) => l.eventKey)).toEqual(['old:a', 'old:b']);
    const entity = await db.get('entities', 'old:acme');
    expect(entity?.words).toEqual(expect.arrayContaining(['acme', 'widgets', 'makes']));
    expect((db.transaction('events').store.indexNames as DOMStringList).contains('entities')).toBe(false);
  });
});
