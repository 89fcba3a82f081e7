import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackstoryDB } from '../../../data/db';
import { ensureBundledPack } from '../../../utils/extension/store';
import { smallPack } from '../../fixtures/packs';

afterEach(() => vi.restoreAllMocks());

describe('ensureBundledPack', () => {
  it('does not validate a pack whose version is already stored', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    // Same id and version but broken: proves the stored check comes first.
    const broken = { ...smallPack(), events: 'not an array' };
    expect(await ensureBundledPack(db, broken)).toBe('unchanged');
    // A newer broken version is validated, and refused.
    await expect(ensureBundledPack(db, { ...broken, version: '2.0.0' })).rejects.toThrow('pack rejected');
  });
});
