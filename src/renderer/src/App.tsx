import { useEffect } from 'react';
import { Sidebar } from './components/Sidebar';
import { ComparePage } from './features/compare/ComparePage';
import { HistoryPage } from './features/history/HistoryPage';
import { LoginPage } from './features/login/LoginPage';
import { PromptsPage } from './features/prompts/PromptsPage';
import { SchedulesPage } from './features/schedules/SchedulesPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { UsagePage } from './features/usage/UsagePage';
import { SECTIONS, type SectionId } from './sections';
import { useNavigation } from './stores/navigation';
import { useSession } from './stores/session';
import { useSettings } from './stores/settings';
import { useAppliedTheme } from './theme';

const PAGES: Record<SectionId, () => React.JSX.Element> = {
  compare: ComparePage,
  history: HistoryPage,
  prompts: PromptsPage,
  schedules: SchedulesPage,
  usage: UsagePage,
  settings: SettingsPage,
};

export function App(): React.JSX.Element {
  const status = useSession((s) => s.status);
  const check = useSession((s) => s.check);
  const settings = useSettings((s) => s.settings);
  const loadSettings = useSettings((s) => s.load);
  useAppliedTheme(settings?.theme);

  useEffect(() => void check(), [check]);
  useEffect(() => {
    if (status === 'ready') void loadSettings();
  }, [status, loadSettings]);
  useGlobalShortcuts();

  if (status === 'checking') return <div className="splash" aria-busy="true" />;
  if (status === 'signed-out') return <LoginPage />;
  return (
    <div className="app">
      <Sidebar />
      <CurrentPage />
    </div>
  );
}

function CurrentPage(): React.JSX.Element {
  const section = useNavigation((s) => s.section);
  const Page = PAGES[section];
  return (
    <main className="main" id="main" tabIndex={-1} aria-labelledby="page-title">
      <Page />
    </main>
  );
}

/** Alt+1…6 jump between sections from anywhere. */
function useGlobalShortcuts(): void {
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const section = SECTIONS[Number(event.key) - 1];
      if (section) {
        event.preventDefault();
        go(section.id);
        document.getElementById('main')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}
