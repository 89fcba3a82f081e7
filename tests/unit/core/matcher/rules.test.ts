/**
 * Matching rules for the forms real articles use, each with sentences written for these
 * tests: quotation marks inside a phrase, lower-case multi-word names, short forms that
 * need context, and negative context (another country's body of the same name, a
 * company's "Japan unit", a studio called CCP Games). Round-tripped through the stored
 * form, as the content script receives it.
 */
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  deserializeMatcher,
  matchText,
  serializeMatcher,
} from '../../../../utils/core/matcher/index';
import type { SnapshotAlias } from '../../../../utils/core/matcher/index';

const alias = (
  text: string,
  entityId: string,
  extra: Partial<Omit<SnapshotAlias, 'text' | 'entityId'>> = {},
): SnapshotAlias => ({ text, entityId, caseSensitive: false, ...extra });

const COUNTRY_WORDS = ["'s", 'Canadian', 'British', 'Australian', 'Chinese', 'provincial', 'state'];
const ALIASES: SnapshotAlias[] = [
  alias('Unreliable Entity List', 'uel'),
  alias('list of unreliable entities', 'uel'),
  alias('Covered List', 'covered', { context: ['FCC', 'Federal Communications Commission'] }),
  alias('Commerce', 'commerce', {
    caseSensitive: true,
    context: ['export', 'Entity List', 'BIS', 'licence', 'license'],
  }),
  alias('Commerce Department', 'commerce'),
  alias('Justice Department', 'doj', { notAfter: COUNTRY_WORDS }),
  alias('US Justice Department', 'doj'),
  alias('Japan', 'japan', {
    context: ['Huawei', '5G'],
    notBefore: ['unit', 'subsidiary', 'arm', 'division'],
  }),
  alias('CCP', 'ccp', { caseSensitive: true, notBefore: ['Games'] }),
  alias('tariff war', 'trade-war'),
  alias('extradition fight', 'extradition', { context: ['Meng'] }),
];

const matcher = deserializeMatcher(serializeMatcher(compileMatcher(ALIASES)));
const found = (text: string): [string, string][] =>
  matchText(matcher, text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('quotation marks inside a phrase', () => {
  it('finds a phrase with curly or straight quotes around part of it', () => {
    expect(found('Beijing added them to its list of “unreliable entities” on Friday.')).toEqual([
      ['list of “unreliable entities', 'uel'],
    ]);
    expect(found("It put them on its list of 'unreliable entities'.")).toEqual([
      ["list of 'unreliable entities", 'uel'],
    ]);
    expect(found('the so-called "Unreliable Entity List" grew')).toEqual([['Unreliable Entity List', 'uel']]);
  });

  it('does not skip an apostrophe inside a word', () => {
    expect(found("the list of unreliable entitie's")).toEqual([]);
  });
});

describe('lower-case names and short forms', () => {
  it('matches a lower-case multi-word name, with its context', () => {
    expect(found('The FCC put the firm on its covered list last year.')).toEqual([
      ['covered list', 'covered'],
    ]);
    expect(found('Our covered list of favourite recipes is long.')).toEqual([]);
  });

  it('matches "Commerce" alone only near export-control words, and only capitalised', () => {
    expect(found('Commerce said the export licence was revoked.')).toEqual([['Commerce', 'commerce']]);
    expect(found('Commerce in the old town is booming again.')).toEqual([]);
    expect(found('e-commerce firms need an export licence')).toEqual([]);
  });

  it('finds the forms articles use for the trade war and the extradition case', () => {
    expect(found('The tariff war escalated in May.')).toEqual([['tariff war', 'trade-war']]);
    expect(found("Meng's extradition fight ended in 2021.")).toEqual([['extradition fight', 'extradition']]);
  });
});

describe('negative context', () => {
  it('does not mark another country’s Justice Department', () => {
    expect(found("Canada's Justice Department said the hearing would resume.")).toEqual([]);
    expect(found('Canada’s Justice Department said so.')).toEqual([]);
    expect(found('The Canadian Justice Department said so.')).toEqual([]);
    expect(found('The Justice Department charged Huawei.')).toEqual([['Justice Department', 'doj']]);
    expect(found('The US Justice Department charged Huawei.')).toEqual([['US Justice Department', 'doj']]);
  });

  it('does not mark a company’s "Japan unit" as Japan’s government', () => {
    expect(found('Huawei said its Japan unit would hire 5G engineers.')).toEqual([]);
    expect(found('Japan barred Huawei from 5G contracts.')).toEqual([['Japan', 'japan']]);
  });

  it('does not mark the game studio CCP Games as the party', () => {
    expect(found('CCP Games released an update.')).toEqual([]);
    expect(found('The CCP said the games would go ahead.')).toEqual([['CCP', 'ccp']]);
  });
});
