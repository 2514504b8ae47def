/** Sparse pages of a long list: which pages a range of rows needs, which to keep, and the total. */
export const PAGE = 100;
/** Pages kept in memory at most; the ones farthest from the rows in view go first. */
export const KEEP_PAGES = 30;

export interface RowRange {
  first: number;
  /** Exclusive. */
  last: number;
}

/** The page numbers covering rows [first, last). */
export function pagesFor({ first, last }: RowRange, pageSize = PAGE): number[] {
  if (last <= first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor((last - 1) / pageSize); page++) pages.push(page);
  return pages;
}

/** Drops the pages farthest from `range` once more than `keep` are held. */
export function evict<T>(pages: ReadonlyMap<number, T>, range: RowRange, keep = KEEP_PAGES, pageSize = PAGE): Map<number, T> {
  const kept = new Map(pages);
  if (kept.size <= keep) return kept;
  const centre = (range.first + range.last) / 2 / pageSize;
  const byDistance = [...kept.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const page of byDistance.slice(0, kept.size - keep)) kept.delete(page);
  return kept;
}

export interface Totals {
  total: number;
  /** False while a filtered total was counted only part of the way ("600+ runs"). */
  exact: boolean;
}

/**
 * An exact total answers for itself; a partial count only says "at least this many", and grows as
 * deeper pages answer (each is counted 500 past its page), so the larger of two partial counts holds.
 */
export function mergeTotals(known: Totals | null, answer: Totals): Totals {
  if (answer.exact || known === null) return answer;
  return { total: Math.max(known.total, answer.total), exact: false };
}
