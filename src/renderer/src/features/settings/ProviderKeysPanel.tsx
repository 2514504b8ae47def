import { AlertTriangle, Check, KeyRound } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { providerName } from '../../../../shared/providers';
import type { ProviderKeyStatus } from '../../../../shared/operations/providerKeys';
import { client } from '../../client';
import { useCatalog } from '../../stores/catalog';
import { useProviderKeys } from '../../stores/providerKeys';
import { useSettings } from '../../stores/settings';

/** Local servers answer without a key; one can still be set for a server that asks for it. */
const LOCAL_PROVIDERS = new Set(['ollama', 'lmstudio']);

function KeyRow({ status }: { status: ProviderKeyStatus }): React.JSX.Element {
  const save = useProviderKeys((s) => s.save);
  const remove = useProviderKeys((s) => s.remove);
  const [editing, setEditing] = useState(false);
  const [check, setCheck] = useState<{ busy: boolean; text: string | null; ok: boolean }>({ busy: false, text: null, ok: false });
  const test = async () => {
    setCheck({ busy: true, text: null, ok: false });
    try {
      const result = await client.invoke('testProviderConnection', { provider: status.provider });
      setCheck({
        busy: false,
        ok: result.ok,
        text: result.ok ? `OK · ${result.latency_ms} ms · ${result.model_count ?? 0} models` : (result.error?.message ?? 'Failed'),
      });
    } catch (error) {
      setCheck({ busy: false, ok: false, text: (error as Error).message });
    }
  };
  const refresh = async () => {
    setCheck({ busy: true, text: null, ok: false });
    try {
      const result = await client.invoke('refreshProviderModels', { provider: status.provider });
      if (result.ok) {
        // The picker reads the catalog store: reload it so the new models are offered at once.
        useCatalog.setState({ loaded: false });
        await useCatalog.getState().load();
      }
      setCheck({
        busy: false,
        ok: result.ok,
        text: result.ok ? `${result.model_count ?? 0} models listed · ${result.new_models ?? 0} new in the picker` : (result.error?.message ?? 'Failed'),
      });
    } catch (error) {
      setCheck({ busy: false, ok: false, text: (error as Error).message });
    }
  };
  const [value, setValue] = useState('');
  const custom = useSettings((st) => st.settings?.providers.custom_endpoints.find((e) => e.id === status.provider));
  const name = custom?.name ?? providerName(status.provider);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save(status.provider, value.trim())) {
      setValue('');
      setEditing(false);
    }
  };

  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {status.error ? (
          <span className="key-state is-bad" title={status.error}>
            <AlertTriangle size={14} aria-hidden="true" /> unreadable — set it again
          </span>
        ) : status.configured ? (
          <span className="key-state">
            <code aria-label={`${name} key ending in ${status.last4}`}>••••{status.last4}</code>
            <span className={`badge badge-${status.source === 'vault' ? 'live' : 'test'}`}>
              {status.source === 'vault' ? 'vault' : 'environment'}
            </span>
          </span>
        ) : (
          <span className="muted">{LOCAL_PROVIDERS.has(status.provider) ? 'no key needed (local server)' : 'not set'}</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          {editing ? (
            <form className="key-form" onSubmit={(e) => void submit(e)}>
              <input
                type="password"
                autoComplete="off"
                spellCheck={false}
                autoFocus
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder={`${name} API key`}
                aria-label={`${name} API key`}
              />
              <button type="submit" className="primary-button" disabled={!value.trim()}>
                <Check size={14} aria-hidden="true" /> Save
              </button>
              <button type="button" className="ghost-button inline" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <>
              <button
                type="button"
                className="ghost-button inline"
                onClick={() => setEditing(true)}
                aria-label={`${status.source === 'vault' ? 'Replace' : 'Add'} ${name} key`}
              >
                {status.source === 'vault' ? 'Replace' : 'Add key'}
              </button>
              {check.text ? (
                <span className={`check-result${check.ok ? ' is-ok' : ' is-bad'}`} role="status">
                  {check.text}
                </span>
              ) : null}
              {status.configured || LOCAL_PROVIDERS.has(status.provider) || custom ? (
                <button
                  type="button"
                  className="ghost-button inline"
                  disabled={check.busy}
                  onClick={() => void test()}
                  aria-label={`Test ${name} connection`}
                >
                  {check.busy ? 'Testing…' : 'Test'}
                </button>
              ) : null}
              {status.configured || LOCAL_PROVIDERS.has(status.provider) || custom ? (
                <button
                  type="button"
                  className="ghost-button inline"
                  disabled={check.busy}
                  onClick={() => void refresh()}
                  aria-label={`Refresh ${name} models`}
                  title="Fetch this provider's model list and offer its models in the picker"
                >
                  Refresh models
                </button>
              ) : null}
              {status.source === 'vault' ? (
                <button
                  type="button"
                  className="danger-button"
                  onClick={() => void remove(status.provider)}
                  aria-label={`Remove ${name} key`}
                >
                  Remove
                </button>
              ) : null}
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

/** Provider keys: masked, with where each comes from; stored encrypted, never shown again. */
export function ProviderKeysPanel(): React.JSX.Element {
  const { keys, persistent, notice, error, load } = useProviderKeys();
  // Custom endpoints come and go in Settings: list their keys too.
  const endpointIds = useSettings((s) => s.settings?.providers.custom_endpoints.map((e) => e.id).join(','));
  useEffect(() => void load(), [load, endpointIds]);
  return (
    <section className="panel panel-wide panel-keys" aria-labelledby="provider-keys-title">
      <h2 id="provider-keys-title">
        <KeyRound size={16} aria-hidden="true" /> Provider keys
      </h2>
      <p className="muted">
        Keys are encrypted at rest and only ever sent to the provider they belong to. A key sent with an API request (
        <code>X-OPENAI-API-KEY</code>
        …) wins over the vault, and the vault over the environment.
      </p>
      {!persistent && notice ? (
        <p className="notice" role="status">
          <AlertTriangle size={15} aria-hidden="true" /> {notice}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="table" aria-label="Provider keys">
        <tbody>
          {keys.map((status) => (
            <KeyRow key={status.provider} status={status} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
