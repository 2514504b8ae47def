import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { contentOffset, isScaled, moveBy, rowWindow, scrollGeometry, type RowWindow, type ScrollGeometry } from './scaledScroll';

export interface ScaledRows extends RowWindow {
  /** Height to give the element inside the scroller. */
  scrollHeight: number;
  /** To pass as the scrolling element's `ref`. */
  attach(element: HTMLDivElement | null): void;
  scrollToTop(): void;
}

interface Position {
  scrollTop: number;
  /** The exact content offset after a wheel or key move, while the scrollTop is still the one it set. */
  offset?: number;
}

/** What Chromium scrolls by for an arrow key, and for Page Up/Down (a share of the viewport). */
const ARROW_PX = 40;
const PAGE_SHARE = 0.875;

/**
 * Windowing for a list of `count` rows of one height, any length (see scaledScroll.ts). With a fixed
 * row height the window is arithmetic, so no per-row measurement is kept: a million rows cost what
 * thirty do. Where the scroll range is scaled, the wheel and the arrow and page keys move the content
 * by their usual distance (the scrollbar still spans the whole list).
 */
export function useScaledRows(count: number, rowHeight: number, overscan: number): ScaledRows {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [position, setPosition] = useState<Position>({ scrollTop: 0 });
  const [viewport, setViewport] = useState(0);
  const geometry = useMemo(() => scrollGeometry(count, rowHeight, viewport), [count, rowHeight, viewport]);
  // Read by the event handlers, which outlive a render.
  const latest = useRef<{ geometry: ScrollGeometry; position: Position }>({ geometry, position });
  useEffect(() => {
    latest.current = { geometry, position };
  }, [geometry, position]);

  useEffect(() => {
    if (!element) return;
    const onScroll = () =>
      setPosition((previous) =>
        // A scroll the move below caused keeps its exact offset; any other (the thumb, Home/End) drops it.
        previous.offset !== undefined && Math.abs(element.scrollTop - previous.scrollTop) < 1
          ? { scrollTop: element.scrollTop, offset: previous.offset }
          : { scrollTop: element.scrollTop },
      );
    const move = (delta: number) => {
      const { geometry: g, position: p } = latest.current;
      const next = moveBy(g, p.offset ?? contentOffset(g, p.scrollTop), delta);
      element.scrollTop = next.scrollTop;
      const moved = { scrollTop: element.scrollTop, offset: next.offset };
      latest.current = { geometry: g, position: moved };
      setPosition(moved);
    };
    const onWheel = (event: WheelEvent) => {
      const g = latest.current.geometry;
      if (!isScaled(g) || event.ctrlKey || event.deltaY === 0) return;
      event.preventDefault();
      const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? g.rowHeight : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? g.viewport : 1;
      move(event.deltaY * unit);
    };
    const onKey = (event: KeyboardEvent) => {
      const g = latest.current.geometry;
      const delta = { ArrowDown: ARROW_PX, ArrowUp: -ARROW_PX, PageDown: g.viewport * PAGE_SHARE, PageUp: -g.viewport * PAGE_SHARE }[event.key];
      if (!isScaled(g) || delta === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      move(delta);
    };
    // A ResizeObserver also reports once as soon as it observes: that gives the first size.
    const resize = new ResizeObserver(() => {
      setViewport(element.clientHeight);
      onScroll();
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('keydown', onKey);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('keydown', onKey);
      resize.disconnect();
    };
  }, [element]);

  const rows = rowWindow(geometry, position.scrollTop, overscan, isScaled(geometry) ? position.offset : undefined);
  const attach = useCallback((next: HTMLDivElement | null) => {
    scroller.current = next;
    setElement(next);
  }, []);
  const scrollToTop = useCallback(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, []);
  return { ...rows, scrollHeight: geometry.scrollHeight, attach, scrollToTop };
}
