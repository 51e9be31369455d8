import { pino, type Logger } from 'pino';
import { correlation } from './correlation';

export type { Logger };

/**
 * pino JSON logger. Every line carries the correlation id of the request or message being handled,
 * read from the async context, so one booking can be followed across services.
 */
export function createLogger(options: { service: string; level?: string }): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const id = correlation.currentId();
      return id ? { correlationId: id } : {};
    },
    redact: { paths: ['req.headers.authorization', 'token'], censor: '[redacted]' },
  });
}
