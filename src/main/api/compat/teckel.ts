import { Router, type Request } from 'express';
import type { Core } from '../../core';
import { TRACE_LIMITS, validateTrace } from '../../core/traces/validate';

const bodyBytes = (req: Request): number => {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > 0 ? declared : Buffer.byteLength(JSON.stringify(req.body ?? null));
};

/** Teckel AI's trace API (`POST /api/traces`, also at `/v1/traces`), with its answers and error format. */
export function teckelRoutes(core: Core): Router {
  const router = Router();
  router.post(['/api/traces', '/v1/traces'], (req, res) => {
    if (bodyBytes(req) > TRACE_LIMITS.bodyBytes) {
      res.status(413).json({ error: 'Request too large: the maximum request size is 5MB' });
      return;
    }
    const result = validateTrace(req.body);
    if (!result.ok) {
      res.locals.errorMessage = `Validation failed with ${result.issues.length} error(s)`;
      res.status(400).json({ error: res.locals.errorMessage, validation_errors: result.issues });
      return;
    }
    const traceId = core.traces.ingest(result.trace, res.locals.apiKey?.prefix ?? null);
    res.status(200).json({ success: true, trace_id: traceId, trace_ref: result.trace.trace_ref, message: 'Trace created successfully' });
  });
  return router;
}
