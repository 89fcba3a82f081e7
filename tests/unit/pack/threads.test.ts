/**
 * The bundled pack against sentences written for these tests, one set per thread of the
 * dataset: what a reader of a 2024–2026 article would hover is found, and the forms that
 * must not be marked (another country's Justice Department, a company's "Japan unit", a
 * game studio) are not. The pack is seeded and compiled exactly as the background does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBackstoryDB } from '../../../data/db';
import { compileMatcher, deserializeMatcher, matchText, serializeMatcher } from '../../../utils/core/matcher';
import type { CompiledMatcher } from '../../../utils/core/matcher';
import { getMatcherSnapshot } from '../../../utils/extension/matcher-snapshot';
import { ensureBundledPack } from '../../../utils/extension/store';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let matcher: CompiledMatcher;

beforeAll(async () => {
  const db = await openBackstoryDB('threads-test');
  await ensureBundledPack(
    db,
    JSON.parse(readFileSync(path.join(repoRoot, 'data/packs/us-china-tech.json'), 'utf8')),
  );
  const { aliases } = await getMatcherSnapshot(db);
  db.close();
  matcher = deserializeMatcher(serializeMatcher(compileMatcher(aliases)));
});

/** The entity ids (without the pack prefix) found in one paragraph, in order. */
const found = (text: string) =>
  matchText(matcher, text).map((m) => m.entityId.replace(/^us-china-tech:/, ''));

describe('the 2024–2026 threads: names real articles use are found', () => {
  it.each([
    [
      'chips and AI',
      'Nvidia said the H20 chip needed a licence after the AI diffusion rule was scrapped, while SMIC and ASML reported results under the CHIPS Act debate.',
      ['nvidia', 'nvidia-h20', 'ai-diffusion-rule', 'smic', 'asml', 'chips-and-science-act'],
    ],
    [
      'apps and data',
      'ByteDance had to sell TikTok under the divest-or-ban law, and the Cyberspace Administration of China weighed in.',
      ['bytedance', 'tiktok', 'pafaca', 'cyberspace-administration-of-china'],
    ],
    [
      'investment screening',
      'CFIUS reviewed the deal, much as it did when Broadcom bid for Qualcomm; the outbound investment rule took effect in January.',
      ['cfius', 'broadcom', 'qualcomm', 'outbound-investment-rule'],
    ],
    [
      'critical minerals',
      'Beijing restricted exports of gallium and germanium, then rare earths, and added US defence firms to its export control control list.',
      ['gallium', 'germanium', 'rare-earths', 'mofcom-export-control-list'],
    ],
    [
      'cyber espionage',
      'Investigators said Salt Typhoon had read call records, and warned that Volt Typhoon sat inside power grids.',
      ['salt-typhoon', 'volt-typhoon'],
    ],
    [
      'the trade war in court',
      'The US Supreme Court ruled in Learning Resources v. Trump that IEEPA does not allow the reciprocal tariffs.',
      ['us-supreme-court', 'learning-resources-v-trump', 'ieepa', 'reciprocal-tariffs'],
    ],
    [
      'the people in office',
      'Scott Bessent and Jamieson Greer met He Lifeng in Geneva; Howard Lutnick and Wang Yi spoke separately.',
      ['scott-bessent', 'jamieson-greer', 'he-lifeng', 'howard-lutnick', 'wang-yi'],
    ],
    [
      'the seed article’s sanctions charge',
      'Huawei was indicted for violating Iran sanctions.',
      ['huawei', 'us-sanctions-on-iran'],
    ],
  ])('%s', (_thread, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});

describe('forms real articles use for entities already in the pack', () => {
  it.each([
    ['Commerce said the export licence for Huawei was revoked.', ['us-department-of-commerce', 'huawei']],
    ['The tariff war between Washington and China escalated.', ['us-china-trade-war']],
    ["Meng Wanzhou's extradition fight ended in Vancouver.", ['meng-wanzhou', 'meng-extradition-case']],
    [
      'MOFCOM put them on its list of “unreliable entities” on Friday.',
      ['china-ministry-of-commerce', 'unreliable-entity-list'],
    ],
    ['The FCC added the drone maker to its covered list.', ['fcc', 'fcc-covered-list']],
  ])('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});

describe('what must not be marked', () => {
  it.each([
    ["Canada's Justice Department said Meng's hearing would resume.", 'us-department-of-justice'],
    ['Huawei said its Japan unit would keep its 5G contracts.', 'japan'],
    ['CCP Games, the studio behind Eve Online, released an update.', 'chinese-communist-party'],
    ['Shoppers praised the commerce site for its export deals.', 'us-department-of-commerce'],
  ])('%s', (sentence, entity) => {
    expect(found(sentence)).not.toContain(entity);
  });
});
