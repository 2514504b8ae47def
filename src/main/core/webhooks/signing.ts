/**
 * Webhook signatures. Outgoing deliveries follow Standard Webhooks (standardwebhooks.com): headers
 * `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * with the base64 key after `whsec_`, so receivers can verify with any Standard Webhooks library.
 * Incoming schedule triggers are simpler to produce from a CI shell (`openssl dgst -hmac`):
 * `X-Webhook-Timestamp: <unix seconds>` and `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of
 * "timestamp.body">` keyed with the whole secret string.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

const keyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

export function standardSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export const triggerSignature = (secret: string, timestamp: string, rawBody: Buffer | string): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');

/** Trigger calls older (or further in the future) than this are refused as replays. */
export const TRIGGER_TOLERANCE_S = 5 * 60;

export type TriggerCheck = { ok: true } | { ok: false; reason: string };

export function verifyTrigger(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: Buffer,
  nowMs: number,
): TriggerCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Webhook-Timestamp must be the Unix time in seconds' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TRIGGER_TOLERANCE_S) {
    return { ok: false, reason: 'X-Webhook-Timestamp is more than 5 minutes from now (stale or replayed request)' };
  }
  const given = (signature ?? '').trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) return { ok: false, reason: 'X-Webhook-Signature must be sha256=<hex HMAC-SHA256 of "timestamp.body">' };
  const expected = Buffer.from(triggerSignature(secret, timestamp, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'X-Webhook-Signature does not match' };
  return { ok: true };
}
