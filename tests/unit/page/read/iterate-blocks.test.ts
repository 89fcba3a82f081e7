import { describe, expect, it } from 'vitest';
import { iterateBlocks } from '../../../../utils/page/read';
import { runSliced } from '../../../../utils/page/slices';

function page(paragraphs: number): Element {
  document.body.innerHTML = `<article>${Array.from(
    { length: paragraphs },
    (_, i) => `<h2>Part ${i}</h2><p>Paragraph <em>${i}</em> names Northwind.</p>`,
  ).join('')}</article>`;
  return document.querySelector('article')!;
}

describe('iterateBlocks', () => {
  it('yields blocks lazily, one pull at a time', () => {
    const root = page(20);
    const it = iterateBlocks(root);
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value!.text).toBe('Part 0');
    expect([first.value!, ...it]).toHaveLength(40);
  });

  it('honours maxBlocks', () => {
    const root = page(20);
    expect([...iterateBlocks(root, { maxBlocks: 5 })]).toHaveLength(5);
  });
});

describe('runSliced over a generator', () => {
  it('pulls items inside slices and yields between them', async () => {
    let clock = 0;
    const pulled: number[] = [];
    function* items() {
      for (let i = 0; i < 10; i++) {
        pulled.push(i);
        clock += 2; // producing an item costs time too
        yield i;
      }
    }
    const slices: number[] = [];
    let yields = 0;
    const done = await runSliced(items(), () => (clock += 1), {
      budgetMs: 5,
      now: () => clock,
      onSlice: (ms) => slices.push(ms),
      yieldToHost: async () => {
        yields++;
      },
    });
    expect(done).toBe(true);
    expect(pulled).toHaveLength(10);
    expect(slices.every((ms) => ms <= 5 + 3)).toBe(true);
    expect(yields).toBe(slices.length - 1);
  });
});
