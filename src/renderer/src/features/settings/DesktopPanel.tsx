import { client } from '../../client';
import { useSettings } from '../../stores/settings';

/** Desktop-app behaviour; stored with the rest of the settings, applied by the Electron shell. */
export function DesktopPanel(): React.JSX.Element {
  const desktop = useSettings((s) => s.settings?.desktop);
  const update = useSettings((s) => s.update);
  return (
    <section className="panel" aria-labelledby="desktop-title">
      <h2 id="desktop-title">Desktop app</h2>
      {client.transport === 'http' ? (
        <p className="muted">These apply to the desktop app; a headless `parallax serve` runs schedules for as long as it runs.</p>
      ) : null}
      <div className="checks">
        <label className="check">
          <input
            type="checkbox"
            checked={desktop?.launch_at_login ?? false}
            onChange={(e) => void update({ desktop: { launch_at_login: e.target.checked } })}
          />
          Launch at login
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={desktop?.keep_running_in_tray ?? true}
            onChange={(e) => void update({ desktop: { keep_running_in_tray: e.target.checked } })}
          />
          Keep running in the tray while schedules are enabled
        </label>
      </div>
    </section>
  );
}
