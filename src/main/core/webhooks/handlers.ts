import type { Handlers } from '../handlers';
import type { WebhookDispatcher } from './dispatcher';

type WebhookHandlers = Pick<Handlers, 'listWebhooks' | 'createWebhook' | 'deleteWebhook' | 'listWebhookDeliveries'>;

export const webhookHandlers = (dispatcher: WebhookDispatcher): WebhookHandlers => ({
  listWebhooks: () => ({ data: dispatcher.listSubscriptions() }),
  createWebhook: (input) => dispatcher.subscribe(input),
  deleteWebhook: ({ id }) => dispatcher.unsubscribe(id),
  listWebhookDeliveries: (filter) => dispatcher.listDeliveries(filter),
});
