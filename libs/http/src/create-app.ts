import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import { AppError, errors, toProblem } from '@labshare/errors';
import { CORRELATION_HEADER, correlation, type Logger } from '@labshare/logging';

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
  app.use(
    express.json({ limit: options.jsonLimit ?? '256kb', type: ['application/json', 'application/*+json'] }),
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
    const { problem, appError } = toProblem(fromBodyParser(error), req.originalUrl);
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

/** body-parser reports bad JSON and oversized bodies with a `type`: they are the client's fault. */
function fromBodyParser(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return errors.payloadTooLarge();
  if (type === 'entity.parse.failed')
    return errors.validation([{ field: 'body', message: 'is not valid JSON' }]);
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return errors.validation([{ field: 'body', message: 'has an unsupported encoding' }]);
  }
  return error;
}
