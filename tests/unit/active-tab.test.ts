import { describe, expect, it } from 'vitest';
import { pickPageTab } from '../../utils/active-tab';

const OWN = 'chrome-extension://abc/';

describe('pickPageTab', () => {
  it('takes the active tab when it is a web page', () => {
    const tabs = [
      { id: 1, url: 'https://news.example/a', active: false, lastAccessed: 5 },
      { id: 2, url: 'https://news.example/b', active: true, lastAccessed: 1 },
    ];
    expect(pickPageTab(tabs, OWN)?.id).toBe(2);
  });

  it('skips our own pages for the web tab used most recently', () => {
    const tabs = [
      { id: 1, url: 'https://news.example/a', lastAccessed: 10 },
      { id: 2, url: 'https://news.example/b', lastAccessed: 20 },
      { id: 3, url: `${OWN}sidepanel.html`, active: true, lastAccessed: 30 },
    ];
    expect(pickPageTab(tabs, OWN)?.id).toBe(2);
  });

  it('treats a tab without a visible URL as a page, and finds nothing in an empty window', () => {
    expect(pickPageTab([{ id: 4, active: true }], OWN)?.id).toBe(4);
    expect(pickPageTab([], OWN)).toBeUndefined();
  });
});
