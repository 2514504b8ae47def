import type { Handlers } from '../handlers';
import type { SettingsStore } from '../settings/store';
import type { LlmGateway } from './gateway';
import type { DiscoveredModels } from './discovered';
import { CATALOG } from './prices';

/** `GET /v1/providers` and `GET /v1/models`: the providers in use and the dated price catalog, with the user's overrides. */
export const catalogHandlers = (
  gateway: LlmGateway,
  settings: SettingsStore,
  discovered: DiscoveredModels,
): Pick<Handlers, 'listProviders' | 'listModels' | 'testProviderConnection' | 'refreshProviderModels'> => ({
  testProviderConnection: ({ provider }, ctx) => gateway.testConnection(provider, ctx.providerKeys),
  refreshProviderModels: async ({ provider }, ctx) => {
    const fetched = await gateway.fetchModels(provider, ctx.providerKeys);
    if (!fetched.ok) return { provider, ok: false, model_count: null, new_models: null, error: fetched.error };
    return { provider, ok: true, model_count: fetched.ids.length, new_models: discovered.replace(provider, fetched.ids), error: null };
  },
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
    const wanted = (p: string) => provider === undefined || p === provider;
    const catalog = CATALOG.filter((m) => wanted(m.provider)).map((m) => {
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
    });
    // Models of the user's endpoints and models discovered from providers: no catalog price, only an override.
    const listed = new Set(catalog.map((m) => `${m.provider}/${m.id}`));
    const extra = [
      ...settings.get().providers.custom_endpoints.flatMap((e) => e.models.map((id) => ({ provider: e.id, id }))),
      ...discovered.list(provider),
    ]
      .filter((m) => wanted(m.provider) && !listed.has(`${m.provider}/${m.id}`) && (listed.add(`${m.provider}/${m.id}`), true))
      .map(({ provider: p, id }) => {
        const override = overrides[`${p}/${id}`];
        return {
          provider: p,
          id,
          name: id,
          context_window: null,
          input_price: override?.input ?? null,
          output_price: override?.output ?? null,
          cached_input_price: override?.cached_input ?? null,
          price_as_of: null,
          price_source: null,
          price_origin: override ? ('override' as const) : null,
        };
      });
    return { data: [...catalog, ...extra] };
  },
});
