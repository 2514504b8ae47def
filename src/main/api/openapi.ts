import { z } from 'zod';
import { errorBodySchema } from '../../shared/errors';
import { operationNames, operations } from '../../shared/operations';
import { VERSION } from '../../shared/version';
import { compatPaths } from './compatOpenApi';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

const pathParamsOf = (path: string): string[] => [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);

/** The OpenAPI 3.1 document, generated from the same schemas that validate each route. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of operationNames) {
    const op = operations[name];
    const { method, path, auth = true, status = 200 } = op.http;
    const params = pathParamsOf(path);
    const input = toSchema(op.input, 'input');
    const properties = input.properties ?? {};
    const required = new Set(input.required ?? []);
    const parameters: unknown[] = params.map((param) => ({
      name: param,
      in: 'path',
      required: true,
      schema: properties[param] ?? { type: 'string' },
    }));
    const bodyProperties = Object.fromEntries(Object.entries(properties).filter(([key]) => !params.includes(key)));
    let requestBody: unknown;
    if (method === 'GET' || method === 'DELETE') {
      for (const [key, schema] of Object.entries(bodyProperties))
        parameters.push({ name: key, in: 'query', required: required.has(key), schema });
    } else if (Object.keys(bodyProperties).length > 0) {
      const bodySchema = { ...input, properties: bodyProperties, required: [...required].filter((key) => !params.includes(key)) };
      requestBody = { required: true, content: { 'application/json': { schema: bodySchema } } };
    }
    const openApiPath = path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][method.toLowerCase()] = {
      operationId: name,
      summary: op.summary,
      tags: [op.tag],
      ...(auth ? {} : { security: [] }),
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(status)]: { description: 'Success', content: { 'application/json': { schema: toSchema(op.output, 'output') } } },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  for (const [path, methods] of Object.entries(compatPaths())) paths[path] = { ...paths[path], ...methods };
  return {
    openapi: '3.1.0',
    info: { title: 'Parallax local API', version: VERSION, description: 'Promptster-compatible local API of Parallax.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A local API key: pk_live_… or pk_test_…' } },
      schemas: { Error: { type: 'object', properties: { error: toSchema(errorBodySchema, 'output') }, required: ['error'] } },
    },
    paths,
  };
}
