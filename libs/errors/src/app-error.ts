/** One field that failed validation, named by its path in the request (`body.policy.slotMinutes`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  cause?: unknown;
  /** Extra members for the problem document (`violations`, `conflicts`, `errors`...). */
  extensions?: Record<string, unknown>;
  /** Whether a message consumer should retry the work that raised it (infrastructure trouble). */
  retryable?: boolean;
}

/**
 * The one error type of the platform: a stable machine `code`, the HTTP status it maps to and a
 * human title. HTTP handlers, Kafka consumers and process-level handlers all read it the same way.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly retryable: boolean;

  constructor(code: string, status: number, title: string, options: AppErrorOptions = {}) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.extensions = options.extensions ?? {};
    this.retryable = options.retryable ?? status >= 500;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
