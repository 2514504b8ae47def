import { useState, type FormEvent } from 'react';
import { PRESETS, periodBounds, type Period } from './period';

/** 7 / 30 / 90 days, or a custom range of UTC days (applied with its button, so half-typed dates never load). */
/** The range being typed; remounted (by key) when a preset changes the period, so it shows that period's days. */
function RangeForm({ bounds, active, onApply }: { bounds: { from: string; to: string }; active: boolean; onApply(period: Period): void }) {
  const [from, setFrom] = useState(bounds.from);
  const [to, setTo] = useState(bounds.to);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) onApply({ kind: 'range', from, to });
  };
  return (
    <form className="usage-range" onSubmit={apply} aria-label="Date range">
      <input type="date" aria-label="From" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
      <span className="muted">to</span>
      <input type="date" aria-label="To" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} required />
      <button type="submit" className="primary-button" aria-pressed={active}>
        Show range
      </button>
    </form>
  );
}

export function PeriodPicker({ period, onChange }: { period: Period; onChange(period: Period): void }): React.JSX.Element {
  const bounds = periodBounds(period);
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
      <RangeForm key={`${bounds.from}/${bounds.to}`} bounds={bounds} active={period.kind === 'range'} onApply={onChange} />
      <span className="muted usage-utc">Days are UTC</span>
    </div>
  );
}
