import type { ColumnResult } from './store';

export type Badge = 'fastest-ttft' | 'fastest-total' | 'cheapest' | 'longest';

export const BADGE_LABELS: Record<Badge, string> = {
  'fastest-ttft': 'Fastest first token',
  'fastest-total': 'Fastest',
  cheapest: 'Cheapest',
  longest: 'Longest',
};

/** Badges go to completed results only, and only when there is something to compare against. */
export function badgesFor(results: Readonly<Record<string, ColumnResult>>): Record<string, Badge[]> {
  const done = Object.entries(results).filter(([, r]) => r.status === 'completed' && r.metadata);
  const badges: Record<string, Badge[]> = {};
  if (done.length < 2) return badges;
  const award = (badge: Badge, value: (r: ColumnResult) => number | null, best: 'min' | 'max') => {
    const scored = done
      .map(([key, r]) => [key, value(r)] as const)
      .filter((entry): entry is readonly [string, number] => entry[1] !== null);
    if (scored.length < 2) return;
    const target = best === 'min' ? Math.min(...scored.map(([, v]) => v)) : Math.max(...scored.map(([, v]) => v));
    for (const [key, v] of scored) if (v === target) (badges[key] ??= []).push(badge);
  };
  award('fastest-ttft', (r) => r.metadata?.ttft_ms ?? null, 'min');
  award('fastest-total', (r) => r.metadata?.response_time_ms ?? null, 'min');
  award('cheapest', (r) => (r.metadata?.cost_known ? r.metadata.estimated_cost : null), 'min');
  award('longest', (r) => r.metadata?.output_tokens ?? null, 'max');
  return badges;
}
