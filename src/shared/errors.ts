/**
 * The one error model of Parallax. Every door (REST, IPC, MCP, CLI) renders it the same way:
 * the Promptster error body `{ "error": { type, message, field?, retry_after?, provider? } }`.
 */
import { z } from 'zod';

export const ERROR_TYPES = {
  validation_error: 400,
  authentication_error: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limit_exceeded: 429,
  internal_error: 500,
  storage_full: 507,
  provider_error: 503,
  unavailable: 503,
} as const;

export type ErrorType = keyof typeof ERROR_TYPES;

export const errorBodySchema = z.object({
  type: z.string(),
  message: z.string(),
  field: z.string().optional(),
  retry_after: z.number().optional(),
  provider: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export class AppError extends Error {
  readonly type: ErrorType;
  readonly field?: string;
  readonly retryAfter?: number;
  readonly provider?: string;

  constructor(type: ErrorType, message: string, extra: { field?: string; retryAfter?: number; provider?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.type = type;
    this.field = extra.field;
    this.retryAfter = extra.retryAfter;
    this.provider = extra.provider;
  }

  get status(): number {
    return ERROR_TYPES[this.type];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { type: this.type, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.retryAfter !== undefined) body.retry_after = this.retryAfter;
    if (this.provider !== undefined) body.provider = this.provider;
    return body;
  }
}

export const validationError = (field: string, message: string): AppError => new AppError('validation_error', message, { field });

export const notFound = (message: string): AppError => new AppError('not_found', message);

const ZOD_DEFAULT_MESSAGE =
  /^(Invalid input|Invalid option|Invalid string|Invalid element|Invalid key|Invalid union|Invalid date|Too small|Too big|Unrecognized|Expected)/;

/** Turns a zod failure into the first issue as a validation error naming the field and the rule. */
export function fromZodError(error: z.ZodError, fieldPrefix = ''): AppError {
  const issue = error.issues[0];
  if (!issue) return validationError(fieldPrefix || 'body', 'Invalid input');
  const path = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [path, issue.keys[0]].filter(Boolean).join('.');
    return validationError(key, `${key}: unknown field`);
  }
  const field = path || 'body';
  // Messages written in a schema already read as a sentence about the field (often the documented
  // wording); zod's own defaults ("Invalid input: …", "Too small: …") get the field in front.
  const message = ZOD_DEFAULT_MESSAGE.test(issue.message) ? `${field}: ${issue.message}` : issue.message;
  return validationError(field, message);
}

/** Any thrown value as an AppError; unknown failures become a generic internal error (no details leak). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return fromZodError(error);
  // SQLite's "database or disk is full": the transaction was rolled back whole.
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_FULL')
    return new AppError(
      'storage_full',
      'The disk that holds the Parallax data is full: nothing was saved. Free some space and try again.',
      {
        cause: error,
      },
    );
  return new AppError('internal_error', 'An unexpected error occurred. Please try again.', { cause: error });
}

/** What crosses IPC: Electron loses error details when a handler throws, so replies are values. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
