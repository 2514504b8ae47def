import type { EventBus } from '../events';
import type { Handlers } from '../handlers';
import type { VaultService } from './service';

export const vaultHandlers = (
  vault: VaultService,
  events: EventBus,
): Pick<Handlers, 'listProviderKeys' | 'setProviderKey' | 'deleteProviderKey'> => ({
  listProviderKeys: () => ({ data: vault.status(), persistent: vault.persistent, notice: vault.notice }),
  setProviderKey: ({ provider, api_key }) => {
    const status = vault.set(provider, api_key);
    events.publish('providerKeys.changed', { provider });
    return status;
  },
  deleteProviderKey: ({ provider }) => {
    const status = vault.remove(provider);
    events.publish('providerKeys.changed', { provider });
    return status;
  },
});
