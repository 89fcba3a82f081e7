import { describe, expect, it } from 'vitest';
import { compileMatcher, serializeMatcher } from '../../../utils/core/matcher';
import { markPassage, markPassageWith } from '../../../utils/extension/first-run-example';

const matcher = compileMatcher([
  { text: 'Huawei', entityId: 'p:huawei', caseSensitive: false },
  { text: 'Entity List', entityId: 'p:entity-list', caseSensitive: false },
  { text: 'TSMC', entityId: 'p:tsmc', caseSensitive: true },
]);

describe('markPassage', () => {
  it('cuts each paragraph into text and the first mention of each entity', () => {
    const out = markPassage(matcher, [
      'The US added Huawei to the Entity List.',
      'Later TSMC stopped taking orders from Huawei.',
    ]);
    expect(out).toEqual([
      [
        { text: 'The US added ' },
        { text: 'Huawei', entityId: 'p:huawei' },
        { text: ' to the ' },
        { text: 'Entity List', entityId: 'p:entity-list' },
        { text: '.' },
      ],
      [
        { text: 'Later ' },
        { text: 'TSMC', entityId: 'p:tsmc' },
        { text: ' stopped taking orders from Huawei.' },
      ],
    ]);
  });

  it('keeps every character of the passage, in order', () => {
    const paragraphs = ['Huawei, Huawei and tsmc (not an acronym here).', '', 'Nothing to mark.'];
    const out = markPassage(matcher, paragraphs);
    expect(out.map((p) => p.map((s) => s.text).join(''))).toEqual(paragraphs);
    expect(out.flat().filter((s) => s.entityId)).toEqual([{ text: 'Huawei', entityId: 'p:huawei' }]);
  });
});

describe('markPassageWith', () => {
  it('reads the stored (serialized) matcher, and gives up on a corrupt one', () => {
    expect(markPassageWith(serializeMatcher(matcher), ['Huawei.'])).toEqual([
      [{ text: 'Huawei', entityId: 'p:huawei' }, { text: '.' }],
    ]);
    expect(markPassageWith('not a matcher', ['Huawei.'])).toBeUndefined();
  });
});
