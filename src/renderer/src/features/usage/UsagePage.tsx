import { BarChart3 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { OperationOutput } from '../../../../shared/operations';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { formatUsd } from '../compare/Metrics';
import { BreakdownTable } from './BreakdownTable';
import { BudgetForm } from './BudgetForm';
import { costText } from './costText';
import { PeriodPicker } from './PeriodPicker';
import { formatDay, periodBounds, type Period } from './period';
import { UsageCharts } from './UsageCharts';

type Usage = OperationOutput<'getUsage'>;
type Breakdown = OperationOutput<'getUsageBreakdown'>;

function BudgetStatusPanel({ usage, onSaved }: { usage: Usage; onSaved(): void }): React.JSX.Element {
  const { budget } = usage;
  const share = budget.monthly_usd ? Math.min(1, budget.spent_usd / budget.monthly_usd) : null;
  return (
    <>
      <div className="stat-cards">
        <div className="panel stat">
          <span className="muted">Provider calls this month</span>
          <strong data-testid="usage-calls">{budget.used_calls.toLocaleString()}</strong>
          {budget.monthly_calls !== null ? <span className="muted">of {budget.monthly_calls.toLocaleString()}</span> : null}
        </div>
        <div className="panel stat">
          <span className="muted">Estimated cost this month</span>
          <strong data-testid="usage-cost">{formatUsd(budget.spent_usd)}</strong>
          {budget.monthly_usd !== null ? <span className="muted">of {formatUsd(budget.monthly_usd)}</span> : null}
        </div>
        <div className="panel stat">
          <span className="muted">API requests today</span>
          <strong>{usage.usage.today.requests.toLocaleString()}</strong>
          <span className="muted">{usage.usage.this_month.requests.toLocaleString()} this month</span>
        </div>
      </div>
      {share !== null ? (
        <div
          className={`budget-bar${budget.exceeded ? ' is-over' : ''}`}
          role="meter"
          aria-valuenow={Math.round(share * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label="Budget used"
        >
          <span style={{ width: `${share * 100}%` }} />
        </div>
      ) : null}
      <section className="panel" aria-labelledby="budget-title">
        <h2 id="budget-title">Budget</h2>
        <p className="muted">
          Past either limit, runs are refused until the month ends ({formatDateTime(budget.period_end)}); reading history never is.
          {budget.exceeded ? ' The budget is used up for this month.' : ''}
        </p>
        <BudgetForm budget={budget} onSaved={onSaved} />
      </section>
    </>
  );
}

function PeriodUsage({ breakdown }: { breakdown: Breakdown }): React.JSX.Element {
  const { totals } = breakdown;
  if (totals.requests === 0) {
    return (
      <EmptyState icon={BarChart3} title="No provider calls in this period">
        Runs from the window, the API, schedules and MCP are counted here per day, provider and model.
      </EmptyState>
    );
  }
  return (
    <>
      <p className="usage-totals" data-testid="usage-period-totals">
        <strong>{totals.runs.toLocaleString()}</strong> runs · <strong>{totals.requests.toLocaleString()}</strong> provider calls ·{' '}
        <strong>{(totals.input_tokens + totals.output_tokens).toLocaleString()}</strong> tokens · <strong>{costText(totals)}</strong>
        <span className="muted">
          {' '}
          from {formatDay(breakdown.from)} to {formatDay(breakdown.to)}
        </span>
      </p>
      <UsageCharts
        days={breakdown.days}
        providers={breakdown.by_provider.map((p) => p.provider)}
        unknownCost={totals.unknown_cost_results}
      />
      <div className="usage-tables">
        <BreakdownTable
          title="By provider"
          column="Provider"
          testId="usage-by-provider"
          rows={breakdown.by_provider.map((p) => ({ ...p, key: p.provider, label: p.provider }))}
        />
        <BreakdownTable
          title="By model"
          column="Model"
          testId="usage-by-model"
          rows={breakdown.by_model.map((m) => ({
            ...m,
            key: `${m.provider}/${m.model}`,
            label: (
              <>
                <span className="muted">{m.provider}/</span>
                {m.model}
              </>
            ),
          }))}
        />
      </div>
    </>
  );
}

/** Usage for a chosen period (charts and tables per day, provider and model), this month's figures and the budget. */
export function UsagePage(): React.JSX.Element {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [period, setPeriod] = useState<Period>({ kind: 'last', days: 30 });
  const [breakdown, setBreakdown] = useState<Breakdown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadUsage = useCallback(() => void client.invoke('getUsage', {}).then(setUsage), []);
  useEffect(loadUsage, [loadUsage]);
  useEffect(() => {
    let current = true;
    client
      .invoke('getUsageBreakdown', periodBounds(period))
      .then((data) => {
        if (!current) return;
        setError(null);
        setBreakdown(data);
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [period]);
  const endpoints = usage ? Object.entries(usage.breakdown.by_provider) : [];
  return (
    <>
      <PageHeader section="usage" />
      {usage ? <BudgetStatusPanel usage={usage} onSaved={loadUsage} /> : null}
      <section className="panel usage-period-panel" aria-labelledby="period-title">
        <div className="usage-period-head">
          <h2 id="period-title">Usage by day, provider and model</h2>
          <PeriodPicker period={period} onChange={setPeriod} />
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : breakdown ? (
          <PeriodUsage breakdown={breakdown} />
        ) : null}
      </section>
      {endpoints.length > 0 ? (
        <section className="panel usage-table" aria-labelledby="endpoints-title">
          <h2 id="endpoints-title">Local API requests this month</h2>
          <table className="table">
            <tbody>
              {endpoints.map(([endpoint, count]) => (
                <tr key={endpoint}>
                  <td>
                    <code>{endpoint}</code>
                  </td>
                  <td className="num">{count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
