import type { Handlers } from '../handlers';
import type { SettingsStore } from '../settings/store';
import type { LlmGateway } from './gateway';
import { CATALOG } from './prices';

/** `GET /v1/providers` and `GET /v1/models`: the providers in use and the dated price catalog, with the user's overrides. */
export const catalogHandlers = (
  gateway: LlmGateway,
  settings: SettingsStore,
): Pick<Handlers, 'listProviders' | 'listModels' | 'testProviderConnection'> => ({
  testProviderConnection: ({ provider }, ctx) => gateway.testConnection(provider, ctx.providerKeys),
  listProviders: () => ({
    data: gateway.providers().map((p) => ({
      id: p.id,
      name: p.name,
      protocol: p.protocol,
      base_url: p.baseUrl,
      base_url_source: p.baseUrlSource,
      requires_key: p.requiresKey,
      custom: p.custom,
    })),
  }),
  listModels: ({ provider }) => {
    const overrides = settings.get().providers.price_overrides;
    const custom = settings
      .get()
      .providers.custom_endpoints.filter((e) => provider === undefined || e.id === provider)
      .flatMap((e) =>
        e.models.map((id) => ({
          provider: e.id,
          id,
          name: id,
          context_window: null,
          input_price: null,
          output_price: null,
          cached_input_price: null,
          price_as_of: null,
          price_source: null,
          price_origin: null,
        })),
      );
    return {
      data: [
        ...CATALOG.filter((m) => provider === undefined || m.provider === provider).map((m) => {
          const override = overrides[`${m.provider}/${m.id}`];
          return {
            provider: m.provider,
            id: m.id,
            name: m.name,
            context_window: m.contextWindow,
            input_price: override?.input ?? m.input,
            output_price: override?.output ?? m.output,
            cached_input_price: override ? (override.cached_input ?? null) : m.cachedInput,
            price_as_of: override ? null : m.asOf,
            price_source: override ? null : m.source,
            price_origin: override ? ('override' as const) : ('catalog' as const),
          };
        }),
        ...custom,
      ],
    };
  },
});
