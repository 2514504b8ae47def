import { useState, type FormEvent } from 'react';
import { PRESETS, periodBounds, type Period } from './period';

/** 7 / 30 / 90 days, or a custom range of UTC days (applied with its button, so half-typed dates never load). */
export function PeriodPicker({ period, onChange }: { period: Period; onChange(period: Period): void }): React.JSX.Element {
  const bounds = periodBounds(period);
  const [from, setFrom] = useState(bounds.from);
  const [to, setTo] = useState(bounds.to);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) onChange({ kind: 'range', from, to });
  };
  return (
    <div className="usage-period">
      <fieldset className="segmented" aria-label="Period">
        {PRESETS.map((days) => (
          <label key={days} className="segment">
            <input
              type="radio"
              name="usage-period"
              checked={period.kind === 'last' && period.days === days}
              onChange={() => onChange({ kind: 'last', days })}
            />
            <span>{days} days</span>
          </label>
        ))}
      </fieldset>
      <form className="usage-range" onSubmit={apply} aria-label="Date range">
        <input type="date" aria-label="From" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
        <span className="muted">to</span>
        <input type="date" aria-label="To" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} required />
        <button type="submit" className="primary-button">
          Show range
        </button>
      </form>
      <span className="muted usage-utc">Days are UTC</span>
    </div>
  );
}
