import { PageHeader } from '../../components/PageHeader';
import { ApiKeysPanel } from './ApiKeysPanel';
import { AppearancePanel } from './AppearancePanel';
import { LocalApiPanel } from './LocalApiPanel';
import { McpPanel } from './McpPanel';

export function SettingsPage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="settings" />
      <div className="settings-grid">
        <LocalApiPanel />
        <ApiKeysPanel />
        <AppearancePanel />
        <McpPanel />
      </div>
    </>
  );
}
