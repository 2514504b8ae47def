import { Moon, Sun, SunMoon } from 'lucide-react';
import type { Settings } from '../../../shared/settings';
import { SECTIONS } from '../sections';
import { useNavigation } from '../stores/navigation';
import { useSettings } from '../stores/settings';

const NEXT_THEME: Record<Settings['theme'], Settings['theme']> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON = { system: SunMoon, light: Sun, dark: Moon } as const;

export function Sidebar(): React.JSX.Element {
  const section = useNavigation((s) => s.section);
  const go = useNavigation((s) => s.go);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const update = useSettings((s) => s.update);
  const ThemeIcon = THEME_ICON[theme];

  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <span />
          <span />
        </span>
        <span className="brand-name">Parallax</span>
      </div>
      <ul className="nav-list">
        {SECTIONS.map((item, index) => {
          const Icon = item.icon;
          const current = item.id === section;
          return (
            <li key={item.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={current ? 'page' : undefined}
                onClick={() => go(item.id)}
                title={`${item.label} (Alt+${index + 1})`}
              >
                <Icon size={18} aria-hidden="true" />
                <span>{item.label}</span>
                <kbd className="nav-shortcut">Alt {index + 1}</kbd>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="sidebar-footer">
        <button
          type="button"
          className="ghost-button"
          onClick={() => void update({ theme: NEXT_THEME[theme] })}
          aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}
        >
          <ThemeIcon size={16} aria-hidden="true" />
          <span>Theme: {theme}</span>
        </button>
      </div>
    </nav>
  );
}
