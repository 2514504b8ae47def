import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rowWindow, scrollGeometry, type RowWindow } from './scaledScroll';

export interface ScaledRows extends RowWindow {
  /** Height to give the element inside the scroller. */
  scrollHeight: number;
  /** To pass as the scrolling element's `ref`. */
  attach(element: HTMLDivElement | null): void;
  scrollToTop(): void;
}

/**
 * Windowing for a list of `count` rows of one height, any length (see scaledScroll.ts). With a fixed
 * row height the window is arithmetic, so no per-row measurement is kept: a million rows cost what
 * thirty do.
 */
export function useScaledRows(count: number, rowHeight: number, overscan: number): ScaledRows {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);

  useEffect(() => {
    if (!element) return;
    const onScroll = () => setScrollTop(element.scrollTop);
    // A ResizeObserver also reports once as soon as it observes: that gives the first size.
    const resize = new ResizeObserver(() => {
      setViewport(element.clientHeight);
      setScrollTop(element.scrollTop);
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [element]);

  const geometry = useMemo(() => scrollGeometry(count, rowHeight, viewport), [count, rowHeight, viewport]);
  const rows = rowWindow(geometry, scrollTop, overscan);
  const attach = useCallback((next: HTMLDivElement | null) => {
    scroller.current = next;
    setElement(next);
  }, []);
  const scrollToTop = useCallback(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, []);
  return { ...rows, scrollHeight: geometry.scrollHeight, attach, scrollToTop };
}
