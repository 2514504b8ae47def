/**
 * Geometry of a virtual list of fixed-height rows whose full height may exceed what a browser lays
 * out (Chromium stops at ~33.5 M px: 52 px × 1,000,000 rows is 52 M px).
 *
 * Past `MAX_SCROLL_HEIGHT` the scrolled element is given the capped height and the scroll position
 * maps proportionally onto the content (the approach of react-virtualized's
 * ScalingCellSizeAndPositionManager): the top of the scroll range shows the first row, the bottom
 * the last, the scrollbar thumb stands where the viewport is in the list. Rows are then placed
 * relative to the viewport, so only positions near it are ever computed. Under the cap nothing is
 * scaled and a row's top is simply index × rowHeight.
 */
export const MAX_SCROLL_HEIGHT = 12_000_000;

export interface ScrollGeometry {
  count: number;
  rowHeight: number;
  /** Height of the visible part of the scroller. */
  viewport: number;
  /** Height of every row laid end to end. */
  contentHeight: number;
  /** Height given to the scrolled element: the content's, or the cap. */
  scrollHeight: number;
}

export function scrollGeometry(count: number, rowHeight: number, viewport: number, cap = MAX_SCROLL_HEIGHT): ScrollGeometry {
  const contentHeight = count * rowHeight;
  return { count, rowHeight, viewport, contentHeight, scrollHeight: Math.min(contentHeight, cap) };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** True when the scroll range stands for a longer content. */
export const isScaled = (g: ScrollGeometry): boolean => g.scrollHeight < g.contentHeight && g.scrollHeight > g.viewport;

/** Where in the content (px from the first row's top) the viewport starts, for a scrollTop. */
export function contentOffset(g: ScrollGeometry, scrollTop: number): number {
  const maxContent = g.contentHeight - g.viewport;
  if (!isScaled(g)) return clamp(scrollTop, 0, maxContent);
  const maxScroll = g.scrollHeight - g.viewport;
  return (clamp(scrollTop, 0, maxScroll) / maxScroll) * maxContent;
}

/** The scrollTop that shows the content from `offset` px down: the inverse of `contentOffset`. */
export function scrollTopFor(g: ScrollGeometry, offset: number): number {
  const maxContent = g.contentHeight - g.viewport;
  if (!isScaled(g)) return clamp(offset, 0, maxContent);
  return (clamp(offset, 0, maxContent) / maxContent) * (g.scrollHeight - g.viewport);
}

export interface RowWindow {
  /** First row to render (inclusive) and last (exclusive), overscan included. */
  first: number;
  last: number;
  /** Where the first row's top goes in the scrolled element, in px. */
  top: number;
}

/**
 * The rows to render for a scrollTop, and where they go. `offset` is the content offset to show when
 * it is known more exactly than the scrollTop says (after `moveBy`: a scaled scrollTop is whole pixels
 * standing for several pixels of content each).
 */
export function rowWindow(g: ScrollGeometry, scrollTop: number, overscan: number, exact?: number): RowWindow {
  if (g.count === 0) return { first: 0, last: 0, top: 0 };
  const offset = exact === undefined ? contentOffset(g, scrollTop) : clamp(exact, 0, g.contentHeight - g.viewport);
  const first = Math.max(0, Math.floor(offset / g.rowHeight) - overscan);
  const last = Math.max(first, Math.min(g.count, Math.ceil((offset + g.viewport) / g.rowHeight) + overscan));
  // The content at `offset` is drawn at the viewport's top (the clamped scrollTop).
  const viewportTop = isScaled(g) ? clamp(scrollTop, 0, g.scrollHeight - g.viewport) : 0;
  const shift = isScaled(g) ? viewportTop - offset : 0;
  return { first, last, top: first * g.rowHeight + shift };
}

/**
 * A wheel notch or a key moves the content by its own distance, not by that distance of a scaled
 * scroll range (which would skip ~4 rows per row at a million runs): the new content offset, and the
 * scrollTop that stands for it.
 */
export function moveBy(g: ScrollGeometry, offset: number, delta: number): { offset: number; scrollTop: number } {
  const next = clamp(offset + delta, 0, g.contentHeight - g.viewport);
  return { offset: next, scrollTop: scrollTopFor(g, next) };
}
