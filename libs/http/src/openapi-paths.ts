import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is served (`application/problem+json`). */
const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine code (validation_failed, conflict, ...)' }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'For validation_failed: each bad field' }),
    violations: z.array(z.string()).optional().openapi({ description: 'For policy_violation' }),
  })
  .passthrough()
  .openapi('Problem');

export interface DocumentedRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access?: unknown[] | 'public';
  body?: z.ZodTypeAny;
  /** Content types the body may come in, when not JSON only (a CSV upload). */
  bodyContent?: Record<string, z.ZodTypeAny>;
  query?: z.ZodTypeAny;
  params?: z.ZodTypeAny;
  idempotent?: boolean;
  response: { status: number; schema: z.ZodTypeAny; contentType?: string; description?: string };
}

/**
 * Registers one route in the OpenAPI document: its request (a body that must be sent is marked
 * required) and every answer it can give, the errors as problem+json, so a client generator or a
 * fuzzer sees exactly what the server does.
 */
export function registerRoute(registry: OpenAPIRegistry, route: DocumentedRoute): void {
  const { response } = route;
  const bodyContent = route.bodyContent ?? (route.body ? { 'application/json': route.body } : undefined);
  registry.registerPath({
    method: route.method,
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    request: {
      ...(bodyContent
        ? {
            body: {
              required: !route.body?.isOptional(),
              content: Object.fromEntries(
                Object.entries(bodyContent).map(([type, schema]) => [type, { schema }]),
              ),
            },
          }
        : {}),
      ...(route.query ? { query: route.query as z.AnyZodObject } : {}),
      ...(route.params ? { params: route.params as z.AnyZodObject } : {}),
      ...(route.idempotent
        ? { headers: z.object({ 'idempotency-key': z.string().max(200).optional() }) }
        : {}),
    },
    responses: {
      [response.status]: {
        description: response.description ?? route.summary,
        content: { [response.contentType ?? 'application/json']: { schema: response.schema } },
      },
      ...errorResponses(route),
    },
  });
}

function errorResponses(route: DocumentedRoute) {
  const statuses: [number, string][] = [
    [400, 'Invalid input: each bad field is named in `errors`'],
    ...(route.access === 'public'
      ? []
      : ([
          [401, 'No valid bearer token'],
          [403, 'The caller may not do this'],
        ] as [number, string][])),
    [404, 'Not found, or not visible to the caller'],
    [405, 'Method not allowed'],
    [409, 'Conflict with the current state'],
    ...(route.body ? ([[413, 'Body too large']] as [number, string][]) : []),
    [422, 'Breaks a rule of the domain'],
    [503, 'A dependency is unavailable; retry'],
  ];
  return Object.fromEntries(
    statuses.map(([status, description]) => [
      status,
      { description, content: { 'application/problem+json': { schema: problem } } },
    ]),
  );
}
