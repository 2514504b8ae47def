import type { UsageFigures } from '../../../../shared/operations/usage';
import { formatUsd } from '../compare/Metrics';

/** A cost with its unpriced calls said aloud: "$0.0420 + 3 unpriced", "unknown (3 unpriced)", never a bare $0 for unknown. */
export function costText({ cost, unknown_cost_results: unknown, requests }: Pick<UsageFigures, 'cost' | 'unknown_cost_results' | 'requests'>): string {
  if (unknown === 0) return formatUsd(cost);
  if (cost === 0 && unknown >= requests) return `unknown (${unknown.toLocaleString()} unpriced)`;
  return `${formatUsd(cost)} + ${unknown.toLocaleString()} unpriced`;
}
