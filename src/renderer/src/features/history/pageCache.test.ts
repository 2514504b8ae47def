import { describe, expect, it } from 'vitest';
import { evict, mergeTotals, pagesFor } from './pageCache';

describe('History page cache', () => {
  it('names the pages a range of rows needs', () => {
    expect(pagesFor({ first: 0, last: 30 })).toEqual([0]);
    expect(pagesFor({ first: 90, last: 130 })).toEqual([0, 1]);
    expect(pagesFor({ first: 999_970, last: 1_000_000 })).toEqual([9_999]);
    expect(pagesFor({ first: 5, last: 5 })).toEqual([]);
  });

  it('keeps the pages nearest the rows in view', () => {
    const pages = new Map([0, 1, 2, 50, 51, 9_999].map((page) => [page, `p${page}`]));
    expect([...evict(pages, { first: 5_000, last: 5_030 }, 3).keys()].sort((a, b) => a - b)).toEqual([2, 50, 51]);
    expect(evict(pages, { first: 0, last: 30 }, 10).size).toBe(6);
  });

  it('grows a partial total and lets an exact one answer for itself', () => {
    expect(mergeTotals(null, { total: 600, exact: false })).toEqual({ total: 600, exact: false });
    expect(mergeTotals({ total: 1_100, exact: false }, { total: 600, exact: false })).toEqual({ total: 1_100, exact: false });
    expect(mergeTotals({ total: 1_100, exact: false }, { total: 1_600, exact: false })).toEqual({ total: 1_600, exact: false });
    expect(mergeTotals({ total: 1_600, exact: false }, { total: 1_234, exact: true })).toEqual({ total: 1_234, exact: true });
  });
});
