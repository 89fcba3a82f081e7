/** The timeline picture's geometry: where marks, ticks and the article line fall. */
import { describe, expect, it } from 'vitest';
import { layoutStrip, nearestMark } from '../../components/time-scale';

const ev = (key: string, date: string, importance = 3) => ({ key, date, importance });

describe('layoutStrip', () => {
  it('places events on a linear date axis between the paddings, in their order', () => {
    const layout = layoutStrip(
      [ev('a', '2010-01-01'), ev('b', '2015-01-01'), ev('c', '2020-01-01')],
      undefined,
      212,
      6,
    );
    const xs = layout.marks.map((m) => m.x);
    expect(xs[0]).toBeCloseTo(6);
    expect(xs[2]).toBeCloseTo(206);
    // 2015-01-01 is 1,826 of 3,652 days in: halfway, give or take the leap days.
    expect(xs[1]! - 6).toBeCloseTo(100, 0);
    expect(layout.articleX).toBeUndefined();
  });

  it('draws the article’s day as a line and sets later events apart', () => {
    const layout = layoutStrip(
      [ev('a', '2018-12-01'), ev('b', '2019'), ev('c', '2021-09')],
      '2019-07-03',
      300,
    );
    expect(layout.marks.map((m) => m.after)).toEqual([false, false, true]);
    expect(layout.articleX).toBeGreaterThan(layout.marks[1]!.x);
    expect(layout.articleX).toBeLessThan(layout.marks[2]!.x);
    // An article after every event widens the axis to reach it.
    const late = layoutStrip([ev('a', '2010'), ev('b', '2012')], '2020-01-01', 300, 10);
    expect(late.articleX).toBeCloseTo(290);
  });

  it('makes more important events taller', () => {
    const layout = layoutStrip([ev('a', '2010', 1), ev('b', '2011', 3), ev('c', '2012', 5)], undefined, 300);
    const [low, mid, high] = layout.marks.map((m) => m.height);
    expect(low!).toBeLessThan(mid!);
    expect(mid!).toBeLessThan(high!);
  });

  it('labels years on round steps that never crowd', () => {
    const narrow = layoutStrip([ev('a', '1990'), ev('b', '2026')], undefined, 250);
    const labels = narrow.ticks.map((t) => Number(t.label));
    expect(labels.length).toBeGreaterThan(1);
    const step = labels[1]! - labels[0]!;
    expect([5, 10, 20]).toContain(step);
    expect(labels.every((y) => y % step === 0)).toBe(true);
    for (let i = 1; i < narrow.ticks.length; i++)
      expect(narrow.ticks[i]!.x - narrow.ticks[i - 1]!.x).toBeGreaterThanOrEqual(44);
    // Wide enough, every year gets a label.
    const wide = layoutStrip([ev('a', '2018'), ev('b', '2021-06')], undefined, 600);
    expect(wide.ticks.map((t) => t.label)).toEqual(['2018', '2019', '2020', '2021']);
  });

  it('gives a single event a year around it instead of an empty axis', () => {
    const layout = layoutStrip([ev('a', '2019-05-16')], undefined, 300, 12);
    expect(layout.marks[0]!.x).toBeCloseTo(150, 0);
    expect(layout.ticks.length).toBeLessThanOrEqual(2);
    expect(layoutStrip([], undefined, 300)).toEqual({ marks: [], ticks: [] });
  });
});

describe('nearestMark', () => {
  it('finds the mark closest to the pointer, or none', () => {
    const marks = [{ x: 10 }, { x: 50 }, { x: 52 }, { x: 200 }];
    expect(nearestMark(marks, 0)).toBe(0);
    expect(nearestMark(marks, 51.5)).toBe(2);
    expect(nearestMark(marks, 1000)).toBe(3);
    expect(nearestMark([], 10)).toBe(-1);
  });
});
