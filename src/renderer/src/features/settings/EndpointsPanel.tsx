import { Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { CustomEndpoint } from '../../../../shared/settings';
import { useCatalog } from '../../stores/catalog';
import { useSettings } from '../../stores/settings';

/** User-defined OpenAI-compatible endpoints (vLLM, LiteLLM, a company gateway…) and price overrides. */
export function EndpointsPanel(): React.JSX.Element {
  const providers = useSettings((s) => s.settings?.providers);
  const updateSettings = useSettings((s) => s.update);
  // The model picker's catalog depends on these settings: reload it after each change.
  const update: typeof updateSettings = async (patch) => {
    await updateSettings(patch);
    useCatalog.setState({ loaded: false });
    await useCatalog.getState().load();
  };
  const error = useSettings((s) => s.error);
  const [draft, setDraft] = useState({ id: '', name: '', base_url: '', models: '' });
  const [price, setPrice] = useState({ model: '', input: '', output: '' });
  const endpoints = providers?.custom_endpoints ?? [];
  const overrides = Object.entries(providers?.price_overrides ?? {});

  const addEndpoint = async (event: FormEvent) => {
    event.preventDefault();
    const endpoint: CustomEndpoint = {
      id: draft.id.trim(),
      name: draft.name.trim(),
      base_url: draft.base_url.trim(),
      models: draft.models
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    };
    await update({ providers: { custom_endpoints: [...endpoints, endpoint] } });
    if (!useSettings.getState().error) setDraft({ id: '', name: '', base_url: '', models: '' });
  };
  const addPrice = async (event: FormEvent) => {
    event.preventDefault();
    await update({
      providers: {
        price_overrides: {
          ...providers?.price_overrides,
          [price.model.trim()]: { input: Number(price.input), output: Number(price.output) },
        },
      },
    });
    if (!useSettings.getState().error) setPrice({ model: '', input: '', output: '' });
  };
  const removePrice = (key: string) => {
    const next = { ...providers?.price_overrides };
    delete next[key];
    void update({ providers: { price_overrides: next } });
  };

  return (
    <section className="panel panel-wide panel-endpoints" aria-labelledby="endpoints-title">
      <h2 id="endpoints-title">Custom endpoints and prices</h2>
      <p className="muted">
        Any server that speaks OpenAI Chat Completions can be added; its key (if it needs one) goes in Provider keys once it is saved.
      </p>
      {endpoints.length > 0 ? (
        <table className="table" aria-label="Custom endpoints">
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <th scope="row">{endpoint.name}</th>
                <td>
                  <code>{endpoint.id}</code>
                </td>
                <td>
                  <code>{endpoint.base_url}</code>
                </td>
                <td className="muted">{endpoint.models.join(', ') || 'any model id'}</td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${endpoint.name}`}
                    onClick={() => void update({ providers: { custom_endpoints: endpoints.filter((e) => e.id !== endpoint.id) } })}
                  >
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="inline-form wrap-form" onSubmit={(e) => void addEndpoint(e)} aria-label="Add an endpoint">
        <label className="field">
          <span>Id</span>
          <input value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} placeholder="company_gw" required />
        </label>
        <label className="field">
          <span>Name</span>
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder="Company gateway" required />
        </label>
        <label className="field">
          <span>Base URL</span>
          <input
            value={draft.base_url}
            onChange={(e) => setDraft({ ...draft, base_url: e.target.value })}
            placeholder="http://10.0.0.5:8000/v1"
            required
          />
        </label>
        <label className="field">
          <span>Models (comma-separated)</span>
          <input value={draft.models} onChange={(e) => setDraft({ ...draft, models: e.target.value })} placeholder="llama-3.3-70b" />
        </label>
        <button type="submit" className="primary-button">
          <Plus size={14} aria-hidden="true" /> Add endpoint
        </button>
      </form>

      <h3 className="subhead">Price overrides (USD per million tokens)</h3>
      {overrides.length > 0 ? (
        <table className="table" aria-label="Price overrides">
          <tbody>
            {overrides.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">
                  <code>{key}</code>
                </th>
                <td>
                  in ${value.input} · out ${value.output}
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove the price of ${key}`} onClick={() => removePrice(key)}>
                    <Trash2 size={14} aria-hidden="true" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="inline-form wrap-form" onSubmit={(e) => void addPrice(e)} aria-label="Add a price">
        <label className="field">
          <span>provider/model</span>
          <input
            value={price.model}
            onChange={(e) => setPrice({ ...price, model: e.target.value })}
            placeholder="openai/gpt-4o"
            required
            pattern="[^/]+/.+"
          />
        </label>
        <label className="field">
          <span>Input</span>
          <input
            type="number"
            min={0}
            step="any"
            value={price.input}
            onChange={(e) => setPrice({ ...price, input: e.target.value })}
            required
          />
        </label>
        <label className="field">
          <span>Output</span>
          <input
            type="number"
            min={0}
            step="any"
            value={price.output}
            onChange={(e) => setPrice({ ...price, output: e.target.value })}
            required
          />
        </label>
        <button type="submit" className="primary-button">
          <Plus size={14} aria-hidden="true" /> Set price
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
