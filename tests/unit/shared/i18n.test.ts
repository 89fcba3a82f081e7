import { describe, expect, it } from 'vitest';
import { fillPlaceholders, t, tCount } from '../../../utils/shared/i18n';

describe('i18n', () => {
  it('fills positional placeholders', () => {
    expect(fillPlaceholders('$1 of $2', ['3', '7'])).toBe('3 of 7');
    expect(t('popupMentionsCount', [12, 4])).toBe('12 mentions of 4 entities on this page');
  });

  it('uses the singular message for one, and falls back to the plural form', () => {
    expect(tCount('storyEvents', 1)).toBe('1 event');
    expect(tCount('storyEvents', 12)).toBe('12 events');
    expect(tCount('optionsEntities', 1)).toBe('1 entity');
    // No singular message: the general one.
    expect(tCount('optionsEvents', 1)).toBe('1 events');
  });

  it('returns the key for an unknown message rather than an empty string', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});
