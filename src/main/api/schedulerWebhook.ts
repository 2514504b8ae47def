/**
 * `POST /scheduler/webhook/:id`: starts a webhook schedule. The HMAC signature is the credential (no
 * API key), computed over the raw body, so this route reads the body itself before any JSON parsing.
 */
import express, { Router } from 'express';
import type { Core } from '../core';

export const SCHEDULER_WEBHOOK_PATH = '/scheduler/webhook/:id';

export function schedulerWebhookRoute(core: Core): Router {
  const router = Router();
  router.post(SCHEDULER_WEBHOOK_PATH, express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const run = core.scheduler.trigger(
      String(req.params.id),
      { timestamp: req.get('x-webhook-timestamp'), signature: req.get('x-webhook-signature') },
      rawBody,
    );
    res.status(202).json({ run_id: run.id, schedule_id: run.schedule_id, status: run.status, trigger_type: run.trigger_type, created_at: run.created_at });
  });
  return router;
}
