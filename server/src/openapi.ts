/** `/openapi.json`, generated from the routes' zod schemas (never written by hand). */
import * as z from 'zod/mini';
import type { Route, Schema } from './http.js';

const ERROR = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', enum: ['validation', 'conflict', 'forbidden', 'not-found', 'rate-limited', 'unavailable'] },
    message: { type: 'string' },
    details: {
      type: 'object',
      properties: {
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, params: { type: 'object' } } } },
        alternatives: { type: 'array', items: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } } },
        retryAfter: { type: 'number' },
      },
    },
  },
};

function jsonSchema(schema: Schema, io: 'input' | 'output'): unknown {
  const out = z.toJSONSchema(schema as z.ZodMiniType, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

export function openApiDocument(routes: Route[]): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/c/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const parameters: unknown[] = [{ name: 'community', in: 'path', required: true, schema: { type: 'string' } }];
    for (const [name, schema] of Object.entries(route.params ?? {})) {
      parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema, 'input') });
    }
    if (route.query) {
      const q = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      parameters,
      responses: {
        ...(route.response
          ? { 200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } }
          : route.raw
            ? { 200: route.produces ? { description: 'OK', content: { [route.produces]: { schema: { type: 'string' } } } } : { description: 'OK' } }
            : { 204: { description: 'Done' } }),
        default: { description: 'A BackendError', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    if (route.rawBody) {
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(route.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
      };
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  paths['/c/{community}/events'] = {
    get: {
      summary: 'Live changes as server-sent events (`event: change`, data `{ change, uid, wall }`).',
      tags: ['changes'],
      parameters: [
        { name: 'community', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'topics', in: 'query', required: true, schema: { type: 'string' }, description: 'Comma-separated topics' },
        { name: 'since', in: 'query', required: false, schema: { type: 'number' }, description: 'Replay changes from this wall-clock time (ms)' },
      ],
      responses: { 200: { description: 'text/event-stream' } },
    },
  };
  return {
    openapi: '3.0.3',
    info: { title: 'Dorfplatz reference server', version: '0.1.0', description: 'JSON protocol of the Dorfplatz backend contract.' },
    components: {
      schemas: { Error: ERROR },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Member token signed by the host site, or a staff token from sign-in.' } },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
