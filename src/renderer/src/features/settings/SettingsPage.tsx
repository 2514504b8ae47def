import { PageHeader } from '../../components/PageHeader';
import { ApiKeysPanel } from './ApiKeysPanel';
import { AppearancePanel } from './AppearancePanel';
import { DesktopPanel } from './DesktopPanel';
import { LocalApiPanel } from './LocalApiPanel';
import { EndpointsPanel } from './EndpointsPanel';
import { HistoryPanel } from './HistoryPanel';
import { McpPanel } from './McpPanel';
import { ProviderKeysPanel } from './ProviderKeysPanel';

export function SettingsPage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="settings" />
      <div className="settings-grid">
        <ProviderKeysPanel />
        <LocalApiPanel />
        <ApiKeysPanel />
        <AppearancePanel />
        <DesktopPanel />
        <HistoryPanel />
        <McpPanel />
        <EndpointsPanel />
      </div>
    </>
  );
}
