import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import type { Authenticator } from '@labshare/auth';
import { hasRole, type Principal, type Role } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { IdempotencyGuard } from './idempotency';
import { registerRoute } from './openapi-paths';
import { parseInput } from './parse-input';
import { sendJson } from './send-json';
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
  /** Content types the body may come in, for the document, when not JSON only (a CSV upload). */
  bodyContent?: Record<string, z.ZodTypeAny>;
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
    registerRoute(this.registry, route);
    return this;
  }

  mount(app: Express): void {
    for (const route of this.routes) {
      // Asked once: zod answers `isOptional()` by parsing `undefined`, which fails with an issue built.
      const bodyRequired = route.body !== undefined && !route.body.isOptional();
      app[route.method](route.path, async (req: Request, res: Response) => {
        const principal = await this.authorize(route, req);
        if (bodyRequired && req.body === undefined) {
          throw errors.validation([{ field: 'body', message: 'is required (a JSON document)' }]);
        }
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
          sendJson(res, outcome.status, outcome.body);
        }
      });
    }
    this.mountMethodFallbacks(app);
  }

  /** A known path asked with a method it does not take: 405 with `Allow`, not 404. */
  private mountMethodFallbacks(app: Express): void {
    const methodsByPath = new Map<string, string[]>();
    for (const { path, method } of this.routes) {
      const allowed = methodsByPath.get(path) ?? [];
      allowed.push(method.toUpperCase(), ...(method === 'get' ? ['HEAD'] : []));
      methodsByPath.set(path, allowed);
    }
    for (const [path, allowed] of methodsByPath) {
      app.all(path, (req: Request, res: Response) => {
        res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
        if (req.method === 'OPTIONS') return void res.status(204).end();
        throw errors.methodNotAllowed(req.method);
      });
    }
  }

  openApi(): object {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
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
}
