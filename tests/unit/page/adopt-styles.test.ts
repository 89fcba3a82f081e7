import { afterEach, describe, expect, it } from 'vitest';
import { adoptStyles } from '../../../utils/page/adopt-styles';

describe('adoptStyles (where the content script shares the page’s objects)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('styles the shadow tree with one constructed sheet and leaves the page alone', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    shadow.append(inner);
    const outside = document.createElement('p');
    document.body.append(outside);

    adoptStyles(shadow, 'p { color: rgb(1, 2, 3); }');

    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(getComputedStyle(inner).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(outside).color).not.toBe('rgb(1, 2, 3)');
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(shadow.querySelector('style')).toBeNull();
  });
});
