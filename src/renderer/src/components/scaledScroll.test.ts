import { describe, expect, it } from 'vitest';
import { contentOffset, MAX_SCROLL_HEIGHT, moveBy, rowWindow, scrollGeometry, scrollTopFor } from './scaledScroll';

const ROW = 52;
const VIEWPORT = 600;

describe('scaled scroll geometry', () => {
  it('leaves a list under the cap unscaled: a row sits at index × height', () => {
    const g = scrollGeometry(3_001, ROW, VIEWPORT);
    expect(g.scrollHeight).toBe(3_001 * ROW);
    expect(contentOffset(g, 5_200)).toBe(5_200);
    expect(scrollTopFor(g, 5_200)).toBe(5_200);
    expect(rowWindow(g, 5_200, 0)).toEqual({ first: 100, last: 112, top: 5_200 });
    // The last rows, at the bottom of the scroll range.
    const bottom = rowWindow(g, g.scrollHeight - VIEWPORT, 0);
    expect(bottom.last).toBe(3_001);
    expect(bottom.top + (bottom.last - bottom.first) * ROW).toBe(g.scrollHeight);
  });

  it('caps the height of a million rows and maps the scroll range onto all of them', () => {
    const g = scrollGeometry(1_000_000, ROW, VIEWPORT);
    expect(g.contentHeight).toBe(52_000_000);
    expect(g.scrollHeight).toBe(MAX_SCROLL_HEIGHT);
    const maxScroll = MAX_SCROLL_HEIGHT - VIEWPORT;
    expect(contentOffset(g, 0)).toBe(0);
    expect(contentOffset(g, maxScroll)).toBe(52_000_000 - VIEWPORT);
    expect(contentOffset(g, maxScroll / 2)).toBeCloseTo((52_000_000 - VIEWPORT) / 2, 3);
    // Past the end (a browser may report a little more while it settles): the bottom.
    expect(contentOffset(g, maxScroll + 500)).toBe(52_000_000 - VIEWPORT);
    for (const offset of [0, 1_234_567, 26_000_000, 52_000_000 - VIEWPORT]) {
      expect(contentOffset(g, scrollTopFor(g, offset))).toBeCloseTo(offset, 3);
    }
  });

  it('places the rows in view relative to the viewport: first row at the top, last row at the bottom', () => {
    const g = scrollGeometry(1_000_000, ROW, VIEWPORT);
    const top = rowWindow(g, 0, 2);
    expect(top).toEqual({ first: 0, last: 14, top: 0 });

    const maxScroll = MAX_SCROLL_HEIGHT - VIEWPORT;
    const bottom = rowWindow(g, maxScroll, 2);
    expect(bottom.last).toBe(1_000_000);
    // The last row's bottom edge is the scrolled element's bottom edge.
    expect(bottom.top + (bottom.last - bottom.first) * ROW).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);

    // Midway: the row at the content offset is drawn at the viewport's top.
    const scrollTop = 5_000_000;
    const middle = rowWindow(g, scrollTop, 0);
    const offset = contentOffset(g, scrollTop);
    const firstTop = middle.top;
    expect(firstTop).toBeLessThanOrEqual(scrollTop);
    expect(firstTop).toBeGreaterThan(scrollTop - ROW);
    expect(middle.first).toBe(Math.floor(offset / ROW));
    expect(middle.last - middle.first).toBeLessThanOrEqual(Math.ceil(VIEWPORT / ROW) + 1);
  });

  it('moves the rows by whole rows as the position moves through the content', () => {
    const g = scrollGeometry(1_000_000, ROW, VIEWPORT);
    const a = rowWindow(g, 3_000_000, 0);
    const b = rowWindow(g, scrollTopFor(g, contentOffset(g, 3_000_000) + ROW), 0);
    expect(b.first).toBe(a.first + 1);
  });

  it('handles an empty list and a list shorter than the viewport', () => {
    expect(rowWindow(scrollGeometry(0, ROW, VIEWPORT), 0, 5)).toEqual({ first: 0, last: 0, top: 0 });
    expect(rowWindow(scrollGeometry(3, ROW, VIEWPORT), 0, 5)).toEqual({ first: 0, last: 3, top: 0 });
  });

  it('moves the content by a wheel or key distance exactly, even where the scroll range is scaled', () => {
    const g = scrollGeometry(1_000_000, ROW, VIEWPORT);
    const start = contentOffset(g, 4_000_000);
    const moved = moveBy(g, start, 10 * ROW);
    expect(moved.offset).toBe(start + 10 * ROW);
    // The browser keeps whole pixels of scrollTop; the exact offset still decides which rows show.
    const before = rowWindow(g, 4_000_000, 0, start);
    const after = rowWindow(g, Math.round(moved.scrollTop), 0, moved.offset);
    expect(after.first).toBe(before.first + 10);
    expect(after.top - Math.round(moved.scrollTop)).toBeCloseTo(before.top - 4_000_000, 6);
    expect(moveBy(g, 100, -1_000).offset).toBe(0);
    expect(moveBy(g, g.contentHeight - VIEWPORT - 10, 1_000).offset).toBe(g.contentHeight - VIEWPORT);
  });
});
