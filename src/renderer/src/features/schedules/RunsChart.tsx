import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScheduleRun } from '../../../../shared/operations/schedules';

const COLORS = ['#6366f1', '#10b981', '#f59e0b', '#ec4899', '#0ea5e9', '#8b5cf6', '#14b8a6', '#ef4444', '#84cc16', '#a855f7'];

interface Point {
  at: number;
  breached: boolean;
  [series: string]: number | boolean | null;
}

/** Series per configuration position, labelled with the newest run's provider/model at that position. */
function toSeries(runs: readonly ScheduleRun[], metric: 'response_time_ms' | 'estimated_cost') {
  const chronological = [...runs].reverse().filter((run) => run.results.length > 0);
  const labels = new Map<number, string>();
  for (const run of chronological) for (const r of run.results) labels.set(r.position, `${r.provider}/${r.model}`);
  const points: Point[] = chronological.map((run) => {
    const point: Point = { at: Date.parse(run.created_at), breached: Object.values(run.sla_breaches).some(Boolean) };
    for (const r of run.results) point[`p${r.position}`] = r.status === 'completed' ? r[metric] : null;
    return point;
  });
  return { points, series: [...labels.entries()].sort(([a], [b]) => a - b) };
}

const time = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A red, larger dot where the run breached its SLA. */
function BreachDot(props: { cx?: number; cy?: number; payload?: Point; stroke?: string }): React.JSX.Element {
  const { cx = 0, cy = 0, payload, stroke } = props;
  if (payload?.breached) return <circle cx={cx} cy={cy} r={5} fill="#e5484d" stroke="#fff" strokeWidth={1.5} data-breach="true" />;
  return <circle cx={cx} cy={cy} r={2.5} fill={stroke} />;
}

function MetricChart({ runs, metric, title, unit }: { runs: readonly ScheduleRun[]; metric: 'response_time_ms' | 'estimated_cost'; title: string; unit: string }) {
  const { points, series } = toSeries(runs, metric);
  const format = (value: unknown) => (typeof value === 'number' ? (metric === 'estimated_cost' ? `$${value.toFixed(6)}` : `${value} ms`) : '—');
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        {title} <span className="muted">({unit}; red dots breached the SLA)</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => time.format(v)} fontSize={11} />
          <YAxis fontSize={11} width={metric === 'estimated_cost' ? 72 : 52} tickFormatter={(v: number) => (metric === 'estimated_cost' ? `$${v.toPrecision(2)}` : String(v))} />
          <Tooltip labelFormatter={(v) => time.format(Number(v))} formatter={format} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map(([position, label]) => (
            <Line
              key={position}
              type="monotone"
              dataKey={`p${position}`}
              name={label}
              stroke={COLORS[position % COLORS.length]}
              strokeWidth={2}
              dot={<BreachDot />}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function RunsChart({ runs }: { runs: readonly ScheduleRun[] }): React.JSX.Element | null {
  if (!runs.some((run) => run.results.length > 0)) return null;
  return (
    <div className="charts" data-testid="schedule-charts">
      <MetricChart runs={runs} metric="response_time_ms" title="Latency per configuration" unit="ms" />
      <MetricChart runs={runs} metric="estimated_cost" title="Cost per configuration" unit="USD" />
    </div>
  );
}
