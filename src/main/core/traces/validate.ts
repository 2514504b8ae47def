/**
 * Teckel's trace validation: every problem is reported at once, in Teckel's wording, as
 * `{ field: 'sources[0].document_text', message, details?: { index } }`.
 */
import { z } from 'zod';

export const TRACE_LIMITS = { bodyBytes: 5 * 1024 * 1024, sources: 50, query: 10_000, response: 50_000 } as const;

const requiredText = (field: string, max?: number) => {
  const base = z
    .string({ error: `${field} is required and must be a non-empty string` })
    .refine((value) => value.trim().length > 0, `${field} is required and must be a non-empty string`);
  return max === undefined
    ? base
    : base.refine((value) => value.length <= max, `${field} must be at most ${max.toLocaleString('en-US')} characters`);
};
const optionalText = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .max(100_000, `${field} must be at most 100,000 characters`)
    .optional();
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const sourceSchema = z.object(
  {
    document_ref: requiredText('document_ref'),
    document_name: requiredText('document_name'),
    document_text: requiredText('document_text'),
    document_last_updated: z
      .string({ error: 'document_last_updated must be an ISO 8601 timestamp' })
      .refine((value) => ISO_8601.test(value) && !Number.isNaN(Date.parse(value)), 'document_last_updated must be an ISO 8601 timestamp')
      .optional(),
    document_type: optionalText('document_type'),
    source_type: optionalText('source_type'),
    source_uri: optionalText('source_uri'),
    similarity: z
      .number({ error: 'similarity must be a number between 0 and 1' })
      .min(0, 'similarity must be a number between 0 and 1')
      .max(1, 'similarity must be a number between 0 and 1')
      .optional(),
    rank: z.number({ error: 'rank must be a number' }).finite('rank must be a number').optional(),
    owner_email: optionalText('owner_email'),
  },
  { error: 'source must be an object' },
);

export const traceSchema = z.object(
  {
    trace_ref: requiredText('trace_ref').refine((value) => value.length <= 500, 'trace_ref must be at most 500 characters'),
    query: requiredText('query', TRACE_LIMITS.query),
    response: requiredText('response', TRACE_LIMITS.response),
    sources: z
      .array(sourceSchema, { error: 'sources is required and must be an array' })
      .max(TRACE_LIMITS.sources, `sources must contain at most ${TRACE_LIMITS.sources} items`),
    model: optionalText('model'),
    session_id: optionalText('session_id'),
    user_id: optionalText('user_id'),
    processing_time_ms: z
      .number({ error: 'processing_time_ms must be a non-negative number' })
      .min(0, 'processing_time_ms must be a non-negative number')
      .finite('processing_time_ms must be a non-negative number')
      .optional(),
    metadata: z.record(z.string(), z.unknown(), { error: 'metadata must be an object' }).optional(),
  },
  { error: 'Request body must be a JSON object' },
);

export type TraceInput = z.infer<typeof traceSchema>;

export interface ValidationIssue {
  field: string;
  message: string;
  details?: { index: number };
}

/** `['sources', 0, 'document_text']` → `sources[0].document_text`. */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') ||
  'body';

export function validateTrace(body: unknown): { ok: true; trace: TraceInput } | { ok: false; issues: ValidationIssue[] } {
  const parsed = traceSchema.safeParse(body);
  if (parsed.success) return { ok: true, trace: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const index = issue.path[0] === 'sources' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      return { field: fieldOf(issue.path), message: issue.message, ...(index === undefined ? {} : { details: { index } }) };
    }),
  };
}
