/** Product events that subscriptions can receive, forwarded from the core's event bus. */
import type { EventBus } from '../events';
import type { WebhookDispatcher } from './dispatcher';

export function forwardProductEvents(events: EventBus, webhooks: WebhookDispatcher): void {
  events.subscribe('run', (event) => {
    if (event.type !== 'run.finished') return;
    const { run } = event;
    webhooks.publish('prompt.completed', {
      run_id: run.id,
      source: run.source,
      status: run.status,
      prompt_id: run.prompt_id,
      results: run.results.map((r) => ({
        provider: r.provider,
        model: r.model,
        status: r.status,
        response: r.response,
        error: r.error?.message ?? null,
        metadata: r.metadata,
      })),
      created_at: run.created_at,
      finished_at: run.finished_at,
    });
  });
  events.subscribe('apiKeys.changed', ({ reason, key }) => {
    if (reason === 'created') webhooks.publish('api_key.created', { id: key.id, name: key.name, prefix: key.prefix });
  });
}
