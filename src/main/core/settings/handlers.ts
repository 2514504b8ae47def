import type { EventBus } from '../events';
import type { Handlers } from '../handlers';
import type { SettingsStore } from './store';

export const settingsHandlers = (settings: SettingsStore, events: EventBus): Pick<Handlers, 'getSettings' | 'updateSettings'> => ({
  getSettings: () => settings.get(),
  updateSettings: (patch) => {
    const next = settings.update(patch);
    events.publish('settings.changed', { theme: next.theme });
    return next;
  },
});
