/** Which stored side-panel request a panel that has just opened acts on. */
import { describe, expect, it } from 'vitest';
import { isFreshRequest, PANEL_REQUEST_TTL_MS } from '../../../utils/extension/panel-request';

describe('isFreshRequest', () => {
  const now = 1_000_000;
  it('acts on the request of the click that opened the panel', () => {
    expect(isFreshRequest({ story: true, at: now - 200 }, now)).toBe(true);
    expect(isFreshRequest({ entityId: 'p:a', at: now - PANEL_REQUEST_TTL_MS + 1 }, now)).toBe(true);
  });
  it('ignores an old request, none, and one from a clock that went backwards', () => {
    expect(isFreshRequest({ entityId: 'p:a', at: now - PANEL_REQUEST_TTL_MS }, now)).toBe(false);
    expect(isFreshRequest({ search: 'x', at: now - 3_600_000 }, now)).toBe(false);
    expect(isFreshRequest(null, now)).toBe(false);
    expect(isFreshRequest({ story: true, at: now + 5 }, now)).toBe(false);
  });
});
