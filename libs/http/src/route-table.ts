import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import type { Authenticator } from '@labshare/auth';
import { hasRole, type Principal, type Role } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { IdempotencyGuard } from './idempotency';
import { parseInput } from './parse-input';
import { requestScope } from './request-scope';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a handler gets: validated input and the caller. Transport details stay in this file. */
export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal;
}

export interface RouteDefinition<B extends z.ZodTypeAny, Q extends z.ZodTypeAny, P extends z.ZodTypeAny> {
  method: Method;
  /** Express-style path (`/v1/resources/:id`). */
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed (admin always is); `public` skips authentication. Default: any authenticated caller. */
  access?: Role[] | 'public';
  body?: B;
  query?: Q;
  params?: P;
  /**
   * Every answer is described (OpenAPI from this schema). A handler returning a string with a
   * `contentType` here is sent as that text (CSV, iCalendar).
   */
  response: { status: number; schema: z.ZodTypeAny; contentType?: string; description?: string };
  /** Accepts `Idempotency-Key`: a retry with the same key gets the first response. */
  idempotent?: boolean;
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<unknown>;
}

const ANONYMOUS: Principal = { sub: 'anonymous', org: '', roles: [] };

/**
 * Routes declared once with their Zod schemas: the same declaration validates requests, checks
 * roles, and produces the OpenAPI document, so the document cannot drift from the code.
 */
export class RouteTable {
  private readonly registry = new OpenAPIRegistry();
  private readonly routes: RouteDefinition<z.ZodTypeAny, z.ZodTypeAny, z.ZodTypeAny>[] = [];

  constructor(
    private readonly options: {
      title: string;
      version: string;
      authenticator: Authenticator;
      idempotency?: IdempotencyGuard;
    },
  ) {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  }

  add<
    B extends z.ZodTypeAny = z.ZodUnknown,
    Q extends z.ZodTypeAny = z.ZodUnknown,
    P extends z.ZodTypeAny = z.ZodUnknown,
  >(route: RouteDefinition<B, Q, P>): this {
    this.routes.push(route as unknown as RouteDefinition<z.ZodTypeAny, z.ZodTypeAny, z.ZodTypeAny>);
    this.document(route as unknown as RouteDefinition<z.ZodTypeAny, z.ZodTypeAny, z.ZodTypeAny>);
    return this;
  }

  mount(app: Express): void {
    for (const route of this.routes) {
      app[route.method](route.path, async (req: Request, res: Response) => {
        const principal = await this.authorize(route, req);
        const ctx = {
          body: route.body ? parseInput(route.body, req.body, 'body') : req.body,
          query: route.query ? parseInput(route.query, req.query, 'query') : req.query,
          params: route.params ? parseInput(route.params, req.params, 'params') : req.params,
          principal,
        };
        const run = async () => ({ status: route.response.status, body: await route.handler(ctx) });
        const key = req.header('idempotency-key');
        const outcome = await requestScope.run({ authorization: req.header('authorization') }, () =>
          route.idempotent && key && this.options.idempotency
            ? this.options.idempotency.run(
                { key, scope: `${principal.sub}:${route.method}:${req.path}`, request: req.body },
                run,
              )
            : run(),
        );
        const { contentType } = route.response;
        if (contentType && typeof outcome.body === 'string') {
          res.status(outcome.status).type(contentType).send(outcome.body);
        } else {
          res.status(outcome.status).json(outcome.body);
        }
      });
    }
  }

  openApi(): object {
    return new OpenApiGeneratorV3(this.registry.definitions).generateDocument({
      openapi: '3.0.3',
      info: { title: this.options.title, version: this.options.version },
    });
  }

  private async authorize(route: RouteDefinition<z.ZodTypeAny, z.ZodTypeAny, z.ZodTypeAny>, req: Request) {
    if (route.access === 'public') return ANONYMOUS;
    const principal = await this.options.authenticator.authenticate(req.header('authorization'));
    if (route.access && !hasRole(principal, ...route.access)) {
      throw errors.forbidden(`This needs one of the roles: ${route.access.join(', ')}.`);
    }
    return principal;
  }

  private document(route: RouteDefinition<z.ZodTypeAny, z.ZodTypeAny, z.ZodTypeAny>): void {
    const { response } = route;
    this.registry.registerPath({
      method: route.method,
      path: route.path.replace(/:(\w+)/g, '{$1}'),
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
      request: {
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
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
        default: { description: 'Problem details (application/problem+json)' },
      },
    });
  }
}
