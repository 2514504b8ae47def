import { useState, type FormEvent } from 'react';
import type { BudgetStatus } from '../../../../shared/operations/usage';
import { useSettings } from '../../stores/settings';

export function BudgetForm({ budget, onSaved }: { budget: BudgetStatus; onSaved(): void }): React.JSX.Element {
  const update = useSettings((s) => s.update);
  const [usd, setUsd] = useState(budget.monthly_usd?.toString() ?? '');
  const [calls, setCalls] = useState(budget.monthly_calls?.toString() ?? '');
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
