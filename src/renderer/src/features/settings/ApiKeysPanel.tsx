import { KeyRound, Plus } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiKey } from '../../../../shared/operations/apiKeys';
import { CopyButton } from '../../components/CopyButton';
import { useApiKeys } from '../../stores/apiKeys';
import { formatDateTime } from '../../format';

export function ApiKeysPanel(): React.JSX.Element {
  const { keys, error, revealed, load, create, revoke, dismissRevealed } = useApiKeys();
  const [name, setName] = useState('');
  const [type, setType] = useState<ApiKey['type']>('live');
  useEffect(() => void load(), [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create(name.trim(), type);
    setName('');
  };

  return (
    <section className="panel panel-wide" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">
        Keys for the local API. Test keys are limited to 5 requests a minute. A key is shown once, when it is created.
      </p>

      {revealed ? (
        <div className="reveal" role="status">
          <KeyRound size={16} aria-hidden="true" />
          <div>
            <strong>Copy “{revealed.name}” now — it will not be shown again.</strong>
            <div className="reveal-key">
              <code data-testid="new-api-key">{revealed.key}</code>
              <CopyButton text={revealed.key} label="Copy key" />
            </div>
          </div>
          <button type="button" className="ghost-button" onClick={dismissRevealed}>
            Done
          </button>
        </div>
      ) : null}

      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="CI pipeline" maxLength={100} required />
        </label>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as ApiKey['type'])}>
            <option value="live">Live</option>
            <option value="test">Test (5/min)</option>
          </select>
        </label>
        <button type="submit" className="primary-button" disabled={!name.trim()}>
          <Plus size={16} aria-hidden="true" />
          Create key
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}

      <table className="table" aria-label="API keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col">Last used</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className={key.status === 'revoked' ? 'is-revoked' : undefined}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                <span className={`badge badge-${key.type}`}>{key.type}</span>
              </td>
              <td className="num">{key.request_count.toLocaleString()}</td>
              <td>{key.last_used_at ? formatDateTime(key.last_used_at) : 'Never'}</td>
              <td>{formatDateTime(key.created_at)}</td>
              <td className="actions">
                {key.status === 'active' ? (
                  <button
                    type="button"
                    className="danger-button"
                    onClick={() => {
                      if (window.confirm(`Revoke “${key.name}”? Scripts using it stop working at once.`)) void revoke(key.id);
                    }}
                  >
                    Revoke
                  </button>
                ) : (
                  <span className="badge badge-revoked">revoked</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
