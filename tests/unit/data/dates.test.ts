import { describe, expect, it } from 'vitest';
import {
  endKey,
  formatDate,
  formatSpan,
  isRealDate,
  parsePartialDate,
  relativeTo,
  startKey,
} from '../../../data/dates';

describe('partial dates', () => {
  it('reads the precision from the form', () => {
    expect(parsePartialDate('2019')).toEqual({ year: 2019, precision: 'year' });
    expect(parsePartialDate('2019-05')).toEqual({ year: 2019, month: 5, precision: 'month' });
    expect(parsePartialDate('2019-05-16')).toEqual({ year: 2019, month: 5, day: 16, precision: 'day' });
  });

  it('rejects impossible dates', () => {
    for (const bad of [
      '2019-02-30',
      '2019-13',
      '2019-00',
      '2019-04-31',
      '2019-1-1',
      '19',
      '2019/05/16',
      '',
    ]) {
      expect(isRealDate(bad), bad).toBe(false);
    }
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2019-02-29')).toBe(false);
  });

  it('gives sortable first and last days', () => {
    expect(startKey('2019')).toBe('2019-01-01');
    expect(endKey('2019')).toBe('2019-12-31');
    expect(startKey('2020-02')).toBe('2020-02-01');
    expect(endKey('2020-02')).toBe('2020-02-29');
    expect(endKey('2019-05-16')).toBe('2019-05-16');
  });

  it('places events before or after an article day', () => {
    expect(relativeTo('2019-07-02', '2019-07-03')).toBe('before');
    expect(relativeTo('2019-07-03', '2019-07-03')).toBe('before');
    expect(relativeTo('2019-07-04', '2019-07-03')).toBe('after');
    // A coarse date containing the article day could be known to it.
    expect(relativeTo('2019', '2019-07-03')).toBe('before');
    expect(relativeTo('2019-07', '2019-07-03')).toBe('before');
    expect(relativeTo('2019-08', '2019-07-03')).toBe('after');
  });

  it('formats at the precision', () => {
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('2019-05')).toBe('May 2019');
    expect(formatDate('2019-05-16')).toBe('16 May 2019');
    expect(formatDate('2019-05-16', 'en-US')).toBe('May 16, 2019');
    expect(formatSpan('2019-05-16', '2019-08-19')).toBe('16 May 2019 – 19 August 2019');
    expect(formatSpan('2019-05-16', undefined)).toBe('16 May 2019');
  });

  it('formats with short months for narrow places', () => {
    expect(formatDate('2020-01-28', undefined, 'short')).toBe('28 Jan 2020');
    expect(formatDate('2019-09', undefined, 'short')).toBe('Sep 2019');
    expect(formatDate('2019', undefined, 'short')).toBe('2019');
    expect(formatDate('2020-01-28', 'en-US', 'short')).toBe('Jan 28, 2020');
    expect(formatSpan('2019-05-16', '2019-08-19', undefined, 'short')).toBe('16 May 2019 – 19 Aug 2019');
  });
});
