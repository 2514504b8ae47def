import { Plus, Star } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ModelInfo } from '../../../../shared/operations/catalog';
import { modelRef, useCatalog } from '../../stores/catalog';
import { useCompare } from './store';

interface Option {
  provider: string;
  model: string;
  name: string;
  detail: string;
}

const price = (m: ModelInfo) =>
  m.input_price === null || m.output_price === null ? 'price unknown' : `$${m.input_price} / $${m.output_price} per M`;

/**
 * Search across every provider's catalog; favourites and recent models first. Any model id can be
 * added by typing `provider/model` (new models appear weekly, before any catalog knows them).
 */
export function ModelPicker(): React.JSX.Element {
  const { models, providers, favourites, recent, load, toggleFavourite, used } = useCatalog();
  const addColumn = useCompare((s) => s.addColumn);
  const full = useCompare((s) => s.columns.length >= 10);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => void load().catch(() => undefined), [load]);

  const options = useMemo<Option[]>(() => {
    const q = query.trim().toLowerCase();
    const rank = (ref: string) => (favourites.includes(ref) ? 0 : recent.includes(ref) ? 1 : 2);
    const list: Option[] = models
      .filter((m) => !q || `${m.provider} ${m.id} ${m.name}`.toLowerCase().includes(q))
      .map((m) => ({ provider: m.provider, model: m.id, name: m.name, detail: price(m) }))
      .sort((a, b) => rank(modelRef(a.provider, a.model)) - rank(modelRef(b.provider, b.model)));
    const [provider, ...rest] = query.trim().split('/');
    const model = rest.join('/');
    if (provider && model && providers.some((p) => p.id === provider) && !list.some((o) => o.provider === provider && o.model === model)) {
      list.unshift({ provider, model, name: model, detail: 'not in the catalog: cost unknown' });
    }
    return list.slice(0, 60);
  }, [models, providers, favourites, recent, query]);

  const choose = (option: Option) => {
    addColumn({ provider: option.provider, model: option.model });
    used(modelRef(option.provider, option.model));
    setQuery('');
    setActive(0);
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Ctrl/Cmd+Enter belongs to Run, wherever the focus is.
    if (event.ctrlKey || event.metaKey) return setOpen(false);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
    }
  };

  const onQuery = (value: string) => {
    setQuery(value);
    setOpen(true);
    setActive(0);
  };

  return (
    <div
      className="model-picker"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label className="field">
        <span>Add a model</span>
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded={open}
          aria-controls="model-options"
          aria-activedescendant={open && options[active] ? `model-option-${active}` : undefined}
          placeholder={full ? 'Ten columns at most' : 'Search models, or type provider/model'}
          disabled={full}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && options.length > 0 ? (
        <ul className="model-options" id="model-options" role="listbox" aria-label="Models">
          {options.map((option, index) => {
            const ref = modelRef(option.provider, option.model);
            const favourite = favourites.includes(ref);
            return (
              <li
                key={ref}
                id={`model-option-${index}`}
                role="option"
                aria-selected={index === active}
                className="model-option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
                onMouseEnter={() => setActive(index)}
              >
                <span className="provider-chip">{option.provider}</span>
                <span className="model-name">{option.model}</span>
                <span className="model-detail">{option.detail}</span>
                <button
                  type="button"
                  className={`star${favourite ? ' is-on' : ''}`}
                  tabIndex={-1}
                  aria-label={favourite ? `Unfavourite ${ref}` : `Favourite ${ref}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    toggleFavourite(ref);
                  }}
                >
                  <Star size={14} aria-hidden="true" />
                </button>
                <Plus size={14} aria-hidden="true" className="add-icon" />
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
