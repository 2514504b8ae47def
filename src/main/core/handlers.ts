import type { OperationName, OperationOutput, OperationParsedInput } from '../../shared/operations';
import { VERSION } from '../../shared/version';
import type { ApiKeyService } from './apiKeys/service';
import type { CallContext } from './context';
import type { EventBus } from './events';
import type { SettingsStore } from './settings/store';

/** Facts about this running instance that the shell sets once it knows them. */
export interface RuntimeInfo {
  apiUrl: string | null;
}

export interface Services {
  runtime: RuntimeInfo;
  settings: SettingsStore;
  apiKeys: ApiKeyService;
  events: EventBus;
}

export type Handlers = {
  [K in OperationName]: (input: OperationParsedInput<K>, ctx: CallContext) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

/** The behaviour behind each declared operation. Doors never call services directly; they call these. */
export function createHandlers({ runtime, settings, apiKeys, events }: Services): Handlers {
  return {
    health: () => ({ status: 'ok', version: VERSION }),
    getApiInfo: () => ({ url: runtime.apiUrl, openapi_url: runtime.apiUrl && `${runtime.apiUrl}/v1/openapi.json` }),

    getSettings: () => settings.get(),
    updateSettings: (patch) => {
      const next = settings.update(patch);
      events.publish('settings.changed', { theme: next.theme });
      return next;
    },

    listApiKeys: () => ({ data: apiKeys.list() }),
    createApiKey: (input) => {
      const created = apiKeys.create(input);
      events.publish('apiKeys.changed', { reason: 'created' });
      return created;
    },
    revokeApiKey: ({ id }) => {
      const revoked = apiKeys.revoke(id);
      events.publish('apiKeys.changed', { reason: 'revoked' });
      return revoked;
    },
  };
}
