import { Router, type Request, type RequestHandler } from 'express';
import { AppError } from '../../shared/errors';
import { operationNames, operations, type OperationName } from '../../shared/operations';
import type { Core } from '../core';
import { toCallContext } from './context';

/** One Express route per declared operation: input = query + body + path params, validated by the core. */
export function operationRoutes(core: Core, options: { authenticated: boolean }): Router {
  const router = Router();
  for (const name of operationNames) {
    const op = operations[name];
    if ((op.http.auth !== false) !== options.authenticated) continue;
    const method = op.http.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](op.http.path, operationHandler(core, name as OperationName));
  }
  return router;
}

/** The route of one operation, for the few mounted ahead of the table's router (see app.ts). */
export function operationHandler(core: Core, name: OperationName): RequestHandler {
  const status = operations[name].http.status ?? 200;
  return async (req, res) => {
    const output = await core.invoke(name, inputOf(req), toCallContext(req, res));
    res.status(status).json(output);
  };
}

function inputOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new AppError('validation_error', 'Request body must be a JSON object', { field: 'body' });
  }
  // Params last: a body cannot override the id in the path.
  return { ...(req.query as Record<string, unknown>), ...(body as Record<string, unknown> | undefined), ...req.params };
}
