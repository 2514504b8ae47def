import { z } from 'zod';
import { defineOperation } from './define';

export const systemOperations = {
  health: defineOperation({
    summary: 'Liveness check; the only route that needs no key.',
    tag: 'System',
    input: z.object({}).strict(),
    output: z.object({ status: z.literal('ok'), version: z.string() }),
    http: { method: 'GET', path: '/health', auth: false },
  }),
  getApiInfo: defineOperation({
    summary: 'Where the local API of this instance listens.',
    tag: 'System',
    input: z.object({}).strict(),
    output: z.object({ url: z.string().nullable(), openapi_url: z.string().nullable() }),
    http: { method: 'GET', path: '/v1/api-info' },
  }),
};
