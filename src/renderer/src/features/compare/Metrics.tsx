import type { ResultMetadata } from '../../../../shared/runs';

const ms = (value: number | null) => (value === null ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`);
const num = (value: number | null) => (value === null ? '—' : value.toLocaleString());

/** Dollars with the precision small figures need: $0.0042, $0.000017 (prompt engineers compare micro-costs). */
export const formatUsd = (value: number): string =>
  value === 0 ? '$0' : value >= 0.01 ? `$${value.toFixed(4)}` : `$${Number(value.toPrecision(2))}`;

export const formatCost = (metadata: Pick<ResultMetadata, 'estimated_cost' | 'cost_known'>): string =>
  !metadata.cost_known || metadata.estimated_cost === null ? 'unknown' : formatUsd(metadata.estimated_cost);

/** The figures people compare, in the same order in every column so the eye can scan across. */
export function Metrics({ metadata }: { metadata: ResultMetadata }): React.JSX.Element {
  return (
    <dl className="metrics" aria-label="Metrics">
      <div>
        <dt>TTFT</dt>
        <dd data-metric="ttft">{ms(metadata.ttft_ms)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd data-metric="total">{ms(metadata.response_time_ms)}</dd>
      </div>
      <div>
        <dt>In / out</dt>
        <dd data-metric="tokens">
          {num(metadata.input_tokens)} / {num(metadata.output_tokens)}
        </dd>
      </div>
      <div>
        <dt>Tokens/s</dt>
        <dd data-metric="tps">{metadata.tokens_per_second === null ? '—' : metadata.tokens_per_second.toFixed(1)}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-metric="cost" title={metadata.cost_known ? 'Estimated from the catalog price' : 'This model has no known price'}>
          {formatCost(metadata)}
        </dd>
      </div>
    </dl>
  );
}
