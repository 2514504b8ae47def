import { z } from 'zod';

/** An integer query or body parameter that may arrive as a string (query strings are text). */
export const intParam = (min: number, max: number, message: string) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message, path: [] });
      return z.NEVER;
    }
    return n;
  });

export const paginationSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  has_more: z.boolean(),
});

export const idParam = z.object({ id: z.string().min(1, 'id is required').max(200, 'id is too long') });
