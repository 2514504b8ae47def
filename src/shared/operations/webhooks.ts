/**
 * Outgoing webhooks: subscriptions to product events, signed per Standard Webhooks (HMAC-SHA256 over
 * `id.timestamp.body`), persisted deliveries with retries. Schedule callbacks use the same machinery.
 */
import { z } from 'zod';
import { idParam, intParam, paginationSchema } from './common';
import { defineOperation } from './define';

export const WEBHOOK_EVENTS = [
  'prompt.completed',
  'usage.limit_reached',
  'api_key.created',
  'schedule.run.completed',
  'schedule.sla_breached',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string().nullable(),
  is_active: z.boolean(),
  created_at: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  url: z.string(),
  subscription_id: z.string().nullable(),
  schedule_id: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** An http(s) URL a webhook is posted to (where it may point is checked at delivery time). */
export const httpUrl = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .max(2_000, `${field} must be at most 2000 characters`)
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), `${field} must be an http(s) URL`);

const webhookUrl = httpUrl('url');

export const createWebhookInput = z
  .object({
    url: webhookUrl,
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: `events: each must be one of ${WEBHOOK_EVENTS.join(', ')}` }), {
        error: 'events must be an array',
      })
      .min(1, 'events must name at least one event')
      .max(WEBHOOK_EVENTS.length, `events: at most ${WEBHOOK_EVENTS.length}`),
    description: z.string().max(500, 'description must be at most 500 characters').nullable().optional(),
  })
  .strict();

export const webhookOperations = {
  listWebhooks: defineOperation({
    summary: 'Outgoing webhook subscriptions.',
    tag: 'Webhooks',
    input: z.object({}).strict(),
    output: z.object({ data: z.array(webhookSchema) }),
    http: { method: 'GET', path: '/v1/webhooks' },
  }),
  createWebhook: defineOperation({
    summary:
      'Subscribe a URL to events. The answer carries `secret` once: deliveries are signed with it (headers webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">).',
    tag: 'Webhooks',
    input: createWebhookInput,
    output: webhookSchema.extend({ secret: z.string() }),
    http: { method: 'POST', path: '/v1/webhooks', status: 201 },
  }),
  deleteWebhook: defineOperation({
    summary: 'Remove a subscription (its pending deliveries are dropped).',
    tag: 'Webhooks',
    input: idParam.strict(),
    output: z.object({ id: z.string(), deleted: z.literal(true) }),
    http: { method: 'DELETE', path: '/v1/webhooks/:id' },
  }),
  listWebhookDeliveries: defineOperation({
    summary: 'Delivery attempts of subscriptions and schedule callbacks, newest first.',
    tag: 'Webhooks',
    input: z
      .object({
        status: z.enum(DELIVERY_STATUSES, { error: 'status must be pending, delivered or failed' }).optional(),
        schedule_id: z.string().max(200).optional(),
        subscription_id: z.string().max(200).optional(),
        limit: intParam(1, 100, 'limit must be between 1 and 100').optional().default(50),
        offset: intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer').optional().default(0),
      })
      .strict(),
    output: z.object({ data: z.array(deliverySchema), pagination: paginationSchema }),
    http: { method: 'GET', path: '/v1/webhook-deliveries' },
  }),
};
