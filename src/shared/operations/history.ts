import { z } from 'zod';
import { intParam, paginationSchema } from './common';
import { defineOperation } from './define';

/** ISO-8601 date or date-time, as the Promptster document asks for `start_date` / `end_date`. */
const isoDate = (field: string) =>
  z
    .string()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
      {
        message: `${field} must be an ISO 8601 date`,
      },
    );

export const requestLogEntrySchema = z.object({
  id: z.string(),
  user_id: z.string(),
  api_key_id: z.string().nullable(),
  endpoint: z.string(),
  method: z.string(),
  status_code: z.number().int(),
  response_time_ms: z.number().int(),
  rate_limited: z.boolean(),
  error_message: z.string().nullable(),
  created_at: z.string(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const historyQuerySchema = z
  .object({
    limit: intParam(1, 100, 'limit must be between 1 and 100').optional().default(50),
    offset: intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer').optional().default(0),
    /** As in Promptster, this filters by endpoint (e.g. `/v1/prompts/test`). */
    provider: z.string().max(200).optional(),
    start_date: isoDate('start_date').optional(),
    end_date: isoDate('end_date').optional(),
    status_code: intParam(100, 599, 'status_code must be an HTTP status between 100 and 599').optional(),
  })
  .strict();
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export const historyOperations = {
  getHistory: defineOperation({
    summary: 'The local API request log, newest first, with pagination, statistics and the filters applied (Promptster `GET /v1/history`).',
    tag: 'Usage',
    input: historyQuerySchema,
    output: z.object({
      data: z.array(requestLogEntrySchema),
      pagination: paginationSchema,
      statistics: z.object({
        avg_response_time_ms: z.number(),
        success_rate: z.number(),
        total_requests: z.number().int(),
        error_count: z.number().int(),
      }),
      filters: z.object({
        provider: z.string().nullable(),
        start_date: z.string().nullable(),
        end_date: z.string().nullable(),
        status_code: z.number().int().nullable(),
      }),
    }),
    http: { method: 'GET', path: '/v1/history' },
  }),
};
