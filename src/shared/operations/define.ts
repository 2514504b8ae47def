import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation the product offers, declared once. The Express routes, the IPC router, the
 * OpenAPI document and the renderer's client are all derived from these declarations.
 */
export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  /** Validates the merged path params, query and body (REST) or the IPC payload. */
  input: I;
  output: O;
  http: {
    method: HttpMethod;
    /** Express-style path; `:name` segments are merged into the input. */
    path: string;
    /** `false` only for `GET /health`. */
    auth?: boolean;
    /** Status of a successful answer (default 200). */
    status?: number;
  };
  /** Tag grouping the operation in the OpenAPI document. */
  tag: string;
  /**
   * The handler builds its output field by field from store columns (no spread of a row, nothing it
   * did not name), so the output schema is checked under the test suite only (`VITEST`, or
   * `PARALLAX_CHECK_OUTPUT=1`), not on every call: for a History page that check allocated as much as
   * building the page, and its garbage collections made the page's p95.
   */
  trustedOutput?: true;
}

export const defineOperation = <I extends z.ZodType, O extends z.ZodType>(def: OperationDef<I, O>): OperationDef<I, O> => def;
