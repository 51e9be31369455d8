import { isUtf8 } from 'node:buffer';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import { errors, toProblem } from '@labshare/errors';
import { CORRELATION_HEADER, correlation, type Logger } from '@labshare/logging';
import { fromTransportError } from './transport-errors';

/** One named dependency check for `/readyz` (Kafka, MongoDB, a consumer group...). Throws when not ready. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  readiness: ReadinessCheck[];
  /** Adds the service's routes. */
  mount: (app: Express) => void;
  openApi?: () => object;
  jsonLimit?: string;
  /** True once shutdown began: readiness turns 503 so load balancers stop sending traffic. */
  isDraining?: () => boolean;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
}

/**
 * The express app every service runs: correlation ids, request logs and metrics, JSON with a size
 * limit, health and readiness, and problem+json for every error (bad input is 4xx, never 500).
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = new Registry();
  metrics.setDefaultLabels({ service: options.service });
  collectDefaultMetrics({ register: metrics });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics],
  });

  app.use((req, res, next) => {
    const id = req.header(CORRELATION_HEADER);
    correlation.run(id, () => {
      res.setHeader(CORRELATION_HEADER, correlation.currentId() ?? '');
      const end = duration.startTimer();
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const route = (req.route?.path as string | undefined) ?? 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        options.logger.info(
          { method: req.method, path: req.originalUrl, status: res.statusCode, ms },
          'request',
        );
      });
      next();
    });
  });
  app.use(refuseUnknownMethods);
  app.use(cors(corsOptions(options.corsOrigins ?? [])));
  app.use((_req, res, next) => {
    // API answers are per caller and per moment: never cached, never sniffed into another type.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(
    express.json({
      limit: options.jsonLimit ?? '256kb',
      type: ['application/json', 'application/*+json'],
      verify: refuseInvalidUtf8,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.service });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await checkReadiness(options);
    res
      .status(report.ready ? 200 : 503)
      .json({ status: report.ready ? 'ready' : 'unready', checks: report.checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  if (options.openApi) {
    const document = options.openApi();
    app.get('/openapi.json', (_req, res) => {
      res.json(document);
    });
  }

  options.mount(app);

  app.use((req, _res, next) => next(errors.notFound(`${req.method} ${req.path}`)));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { problem, appError } = toProblem(fromTransportError(error), req.originalUrl);
    if (appError.status >= 500) options.logger.error({ err: appError.cause ?? appError }, 'request failed');
    res.status(problem.status).type('application/problem+json').json(problem);
  });
  return app;
}

async function checkReadiness(options: HttpAppOptions) {
  const checks: Record<string, string> = {};
  if (options.isDraining?.()) checks.shutdown = 'draining';
  await Promise.all(
    options.readiness.map(async ({ name, check }) => {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** TRACE, CONNECT and their kind are no method of this API anywhere: 405, not 404. */
function refuseUnknownMethods(req: Request, res: Response, next: NextFunction): void {
  if (METHODS.includes(req.method)) return next();
  res.setHeader('Allow', METHODS.join(', '));
  next(errors.methodNotAllowed(req.method));
}

/** JSON must be UTF-8 (RFC 8259): invalid bytes are refused, not stored as U+FFFD. */
function refuseInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('is not valid UTF-8'), { status: 400 });
}

/** No cross-origin access unless origins are configured (CORS_ALLOWED_ORIGINS). */
function corsOptions(origins: string[]) {
  return {
    origin: origins.length > 0 ? origins : false,
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', CORRELATION_HEADER],
    exposedHeaders: [CORRELATION_HEADER],
    maxAge: 600,
  };
}
