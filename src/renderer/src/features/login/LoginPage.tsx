import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { loginWithKey } from '../../client/http';
import { useSession } from '../../stores/session';

/** The headless UI's sign-in: paste a local API key (or use the one-time link printed by `serve`). */
export function LoginPage(): React.JSX.Element {
  const signedIn = useSession((s) => s.signedIn);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(
    new URLSearchParams(window.location.search).get('login') === 'expired' ? 'That sign-in link was already used or has expired.' : null,
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await loginWithKey(token);
      signedIn();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            <span />
            <span />
          </span>
          <span className="brand-name">Parallax</span>
        </div>
        <h1 id="login-title">Sign in to this workbench</h1>
        <p className="muted">
          Open the one-time link that <code>parallax serve</code> printed, or paste a local API key. The first key is in the data
          directory&apos;s <code>api-token</code> file.
        </p>
        <label className="field">
          <span>API key</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="pk_live_…"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            autoFocus
          />
        </label>
        {error ? (
          <p className="form-error" id="login-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary-button" disabled={busy || !token.trim()}>
          <KeyRound size={16} aria-hidden="true" />
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
