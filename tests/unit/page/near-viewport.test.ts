import { afterEach, describe, expect, it } from 'vitest';
import { NEAR_SCREENS, NearViewport } from '../../../utils/page/near-viewport';

/** A page of `count` paragraphs, each 10 px taller than the viewport, so paragraph i starts just over i screens down. */
function tallPage(count: number): HTMLElement[] {
  document.body.innerHTML = '';
  document.body.style.margin = '0';
  return Array.from({ length: count }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i}`;
    p.style.cssText = `margin: 0; height: ${window.innerHeight + 10}px`;
    document.body.append(p);
    return p;
  });
}

/** Resolves after the browser has run its IntersectionObserver steps (two frames). */
const frames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

let near: NearViewport | undefined;
afterEach(() => {
  near?.stop();
  window.scrollTo(0, 0);
});

describe('NearViewport in a real engine', () => {
  it('keeps the blocks within a screen of the viewport, measured at once', () => {
    const blocks = tallPage(8);
    near = new NearViewport(window, () => undefined, NEAR_SCREENS, 0);
    const kept = near.filter(blocks, (b) => b);
    // Paragraph 0 is in view, paragraph 1 within a screen below it; paragraph 2 starts over two screens down.
    expect(kept.map((b) => b.textContent)).toEqual(['Paragraph 0', 'Paragraph 1']);
  });

  it('calls back when a block comes near as the reader scrolls, and then keeps it', async () => {
    const blocks = tallPage(8);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 0);
    near.filter(blocks, (b) => b);
    await frames();
    // The observer's first report agrees with the measurement: no change.
    expect(changes).toBe(0);
    window.scrollTo(0, 5 * (window.innerHeight + 10));
    await expect.poll(() => changes).toBeGreaterThan(0);
    const kept = near.filter(blocks, (b) => b).map((b) => b.textContent);
    expect(kept).toEqual(['Paragraph 4', 'Paragraph 5', 'Paragraph 6']);
  });

  it('keeps the items in their order, several per block, and lets go of blocks no longer given', async () => {
    const blocks = tallPage(4);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 0);
    const items = [
      { id: 'a', block: blocks[0]! },
      { id: 'b', block: blocks[0]! },
      { id: 'c', block: blocks[3]! },
      { id: 'd', block: blocks[1]! },
    ];
    expect(near.filter(items, (i) => i.block).map((i) => i.id)).toEqual(['a', 'b', 'd']);
    // Only block 3 is followed now: scrolling block 1 out of reach is not a change.
    near.filter([items[2]!], (i) => i.block);
    await frames();
    changes = 0;
    window.scrollTo(0, 3 * (window.innerHeight + 10));
    await expect.poll(() => changes).toBe(1);
    expect(near.filter([items[2]!], (i) => i.block).map((i) => i.id)).toEqual(['c']);
  });

  it('without measuring, counts a new block as far until the observer places it a frame later', async () => {
    const blocks = tallPage(4);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 0);
    expect(near.filter(blocks, (b) => b, false)).toEqual([]);
    await expect.poll(() => changes).toBe(1);
    expect(near.filter(blocks, (b) => b, false).map((b) => b.textContent)).toEqual([
      'Paragraph 0',
      'Paragraph 1',
    ]);
  });

  it('in a page that scrolls inside a container, follows the blocks into and out of its view', async () => {
    document.body.innerHTML = '';
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height: 200px; overflow: auto';
    const blocks = Array.from({ length: 6 }, (_, i) => {
      const p = document.createElement('p');
      p.textContent = `Row ${i}`;
      p.style.cssText = 'margin: 0; height: 150px';
      scroller.append(p);
      return p;
    });
    document.body.append(scroller);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 0);
    // Unmeasured: the observer alone decides. The container clips: rows 0 and 1 are in its view.
    near.filter(blocks, (b) => b, false);
    await expect.poll(() => changes).toBe(1);
    expect(near.filter(blocks, (b) => b).map((b) => b.textContent)).toEqual(['Row 0', 'Row 1']);
    scroller.scrollTop = 610;
    await expect.poll(() => changes).toBe(2);
    expect(near.filter(blocks, (b) => b).map((b) => b.textContent)).toEqual(['Row 4', 'Row 5']);
  });

  it('up to `few` items keeps them all and follows no block; past it, only the near ones', async () => {
    const blocks = tallPage(8);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 3);
    const few = [blocks[0]!, blocks[4]!, blocks[7]!];
    expect(near.filter(few, (b) => b)).toEqual(few);
    // Nothing is followed: scrolling far down is not a change.
    window.scrollTo(0, 7 * (window.innerHeight + 10));
    await frames();
    await frames();
    expect(changes).toBe(0);
    window.scrollTo(0, 0);
    expect(near.filter(blocks, (b) => b).map((b) => b.textContent)).toEqual(['Paragraph 0', 'Paragraph 1']);
    // Back to few: all again, and the blocks are let go.
    expect(near.filter(few, (b) => b)).toEqual(few);
    changes = 0;
    window.scrollTo(0, 4 * (window.innerHeight + 10));
    await frames();
    await frames();
    expect(changes).toBe(0);
  });

  it('when few marks become many after a DOM change, keeps them shown until the observer places them', async () => {
    const blocks = tallPage(8);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 3);
    near.filter(blocks.slice(0, 3), (b) => b);
    // Unmeasured (a DOM change): what was shown stays for the frame; the new blocks wait.
    expect(near.filter(blocks, (b) => b, false)).toEqual(blocks.slice(0, 3));
    await expect.poll(() => changes).toBe(1);
    expect(near.filter(blocks, (b) => b, false).map((b) => b.textContent)).toEqual([
      'Paragraph 0',
      'Paragraph 1',
    ]);
  });

  it('from no marks to many after a DOM change, registers none until the observer places them', async () => {
    const blocks = tallPage(8);
    let changes = 0;
    near = new NearViewport(window, () => changes++, NEAR_SCREENS, 3);
    expect(near.filter([], (b: HTMLElement) => b)).toEqual([]);
    expect(near.filter(blocks, (b) => b, false)).toEqual([]);
    await expect.poll(() => changes).toBe(1);
    expect(near.filter(blocks, (b) => b, false)).toEqual(blocks.slice(0, 2));
  });

  it('counts a block with no box (display: contents) as near, wherever it is', () => {
    const blocks = tallPage(6);
    const contents = document.createElement('div');
    contents.style.display = 'contents';
    contents.textContent = 'No box of its own';
    blocks[5]!.after(contents);
    near = new NearViewport(window, () => undefined, NEAR_SCREENS, 0);
    expect(near.filter([contents, blocks[5]!], (b) => b)).toEqual([contents]);
  });

  it('keeps every block where IntersectionObserver is missing', () => {
    const blocks = tallPage(5);
    const win = { innerWidth: 1, innerHeight: 1 } as unknown as Window;
    near = new NearViewport(win, () => undefined, NEAR_SCREENS, 0);
    expect(near.filter(blocks, (b) => b)).toEqual(blocks);
  });
});
