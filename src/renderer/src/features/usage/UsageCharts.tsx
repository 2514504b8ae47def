import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageDay } from '../../../../shared/operations/usage';
import { formatUsd } from '../compare/Metrics';
import { formatDay } from './period';

/** One colour per provider, the same in every chart and period. */
const PROVIDER_COLORS: Record<string, string> = {
  openai: '#6366f1',
  anthropic: '#d97706',
  google: '#0ea5e9',
  deepseek: '#8b5cf6',
  xai: '#475569',
  groq: '#ef4444',
  mistral: '#ec4899',
  perplexity: '#14b8a6',
  together: '#84cc16',
  cerebras: '#a16207',
  fireworks: '#be123c',
  openrouter: '#0f766e',
  ollama: '#10b981',
  lmstudio: '#06b6d4',
};
/** For user-defined endpoints: a colour picked from their id, so it stays put too. */
const EXTRA_COLORS = ['#7c3aed', '#0891b2', '#65a30d', '#c2410c', '#db2777', '#4f46e5'];
const providerColor = (id: string): string =>
  PROVIDER_COLORS[id] ?? EXTRA_COLORS[[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % EXTRA_COLORS.length]!;
const INPUT_COLOR = '#6366f1';
const OUTPUT_COLOR = '#10b981';
const OTHERS = 'others';
/** Providers beyond this many are stacked together as "others" so the legend stays readable. */
const MAX_SERIES = 8;

type Metric = 'requests' | 'cost';
type Point = { date: string } & Record<string, number | string>;

/** Per-day points with one key per provider (the biggest first), for stacked bars. */
function byProvider(days: readonly UsageDay[], providers: readonly string[], metric: Metric): { points: Point[]; series: string[] } {
  const shown = providers.slice(0, MAX_SERIES);
  const hasOthers = providers.length > MAX_SERIES;
  const points = days.map((day) => {
    const point: Point = { date: day.date };
    for (const [provider, figures] of Object.entries(day.by_provider)) {
      const key = shown.includes(provider) ? provider : OTHERS;
      point[key] = Number(point[key] ?? 0) + figures[metric];
    }
    return point;
  });
  return { points, series: hasOthers ? [...shown, OTHERS] : [...shown] };
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const axisUsd = (v: number) => (v === 0 ? '$0' : v >= 1 ? `$${compact.format(v)}` : `$${Number(v.toPrecision(2))}`);

function Chart({
  title,
  note,
  points,
  series,
  format,
  axis,
  testId,
  decimals = false,
}: {
  title: string;
  note: string;
  points: Point[];
  series: { key: string; name: string; color: string }[];
  format(value: number): string;
  axis(value: number): string;
  testId: string;
  decimals?: boolean;
}): React.JSX.Element {
  return (
    <figure className="chart" aria-label={title} data-testid={testId}>
      <figcaption>
        {title} <span className="muted">({note})</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} width={56} tickFormatter={axis} allowDecimals={decimals} />
          <Tooltip
            labelFormatter={(v) => formatDay(String(v))}
            formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="day" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Requests, tokens and cost per day: requests and cost stacked by provider, tokens split into input and output. */
export function UsageCharts({ days, providers, unknownCost }: { days: readonly UsageDay[]; providers: readonly string[]; unknownCost: number }): React.JSX.Element {
  const requests = byProvider(days, providers, 'requests');
  const cost = byProvider(days, providers, 'cost');
  const tokens: Point[] = days.map((day) => ({ date: day.date, input: day.input_tokens, output: day.output_tokens }));
  const providerSeries = (names: string[]) => names.map((name) => ({ key: name, name, color: name === OTHERS ? '#9ca3af' : providerColor(name) }));
  return (
    <div className="charts usage-charts" data-testid="usage-charts">
      <Chart
        title="Requests per day"
        note="provider calls, by provider"
        testId="chart-requests"
        points={requests.points}
        series={providerSeries(requests.series)}
        format={(v) => v.toLocaleString()}
        axis={(v) => compact.format(v)}
      />
      <Chart
        title="Tokens per day"
        note="input and output"
        testId="chart-tokens"
        points={tokens}
        series={[
          { key: 'input', name: 'Input tokens', color: INPUT_COLOR },
          { key: 'output', name: 'Output tokens', color: OUTPUT_COLOR },
        ]}
        format={(v) => v.toLocaleString()}
        axis={(v) => compact.format(v)}
      />
      <Chart
        title="Cost per day"
        note={unknownCost > 0 ? `USD, by provider; ${unknownCost.toLocaleString()} unpriced calls are not in it` : 'USD, by provider'}
        testId="chart-cost"
        points={cost.points}
        series={providerSeries(cost.series)}
        format={formatUsd}
        axis={axisUsd}
        decimals
      />
    </div>
  );
}
