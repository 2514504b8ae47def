import { BarChart3 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { OperationOutput } from '../../../../shared/operations';
import { client } from '../../client';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useSettings } from '../../stores/settings';
import { formatUsd } from '../compare/Metrics';

type Usage = OperationOutput<'getUsage'>;

function BudgetForm({ usage, onSaved }: { usage: Usage; onSaved(): void }): React.JSX.Element {
  const update = useSettings((s) => s.update);
  const [usd, setUsd] = useState(usage.budget.monthly_usd?.toString() ?? '');
  const [calls, setCalls] = useState(usage.budget.monthly_calls?.toString() ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await update({
      budget: { monthly_usd: usd === '' ? null : Number(usd), monthly_calls: calls === '' ? null : Math.round(Number(calls)) },
    });
    onSaved();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>Monthly budget (USD)</span>
        <input type="number" min={0} step="0.01" value={usd} onChange={(e) => setUsd(e.target.value)} placeholder="no limit" />
      </label>
      <label className="field">
        <span>Monthly provider calls</span>
        <input type="number" min={0} step={1} value={calls} onChange={(e) => setCalls(e.target.value)} placeholder="no limit" />
      </label>
      <button type="submit" className="primary-button">
        Save budget
      </button>
    </form>
  );
}

/** This month's usage and the budget; per-day and per-model charts are still to come. */
export function UsagePage(): React.JSX.Element {
  const [usage, setUsage] = useState<Usage | null>(null);
  const load = () => void client.invoke('getUsage', {}).then(setUsage);
  useEffect(load, []);
  if (!usage) return <PageHeader section="usage" />;
  const { budget } = usage;
  const share = budget.monthly_usd ? Math.min(1, budget.spent_usd / budget.monthly_usd) : null;
  const endpoints = Object.entries(usage.breakdown.by_provider);
  return (
    <>
      <PageHeader section="usage" />
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
        <BudgetForm usage={usage} onSaved={load} />
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
      ) : (
        <EmptyState icon={BarChart3} title="No API requests this month">
          Requests from scripts and MCP clients are counted here, per endpoint.
        </EmptyState>
      )}
    </>
  );
}
