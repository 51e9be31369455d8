import { AppError, type AppErrorOptions, type FieldError } from './app-error';

/** The closed set of errors the platform raises, each mapped to its HTTP status in this one place. */
export const errors = {
  validation: (fieldErrors: FieldError[], detail = 'The request has invalid fields.') =>
    new AppError('validation_failed', 400, 'Invalid request', {
      detail,
      extensions: { errors: fieldErrors },
    }),
  unauthenticated: (detail = 'A valid bearer token is required.') =>
    new AppError('unauthenticated', 401, 'Unauthenticated', { detail }),
  forbidden: (detail = 'The caller may not do this.', code = 'forbidden') =>
    new AppError(code, 403, 'Forbidden', { detail }),
  notFound: (what: string) =>
    new AppError('not_found', 404, 'Not found', { detail: `${what} was not found.` }),
  conflict: (detail: string, extensions?: Record<string, unknown>, code = 'conflict') =>
    new AppError(code, 409, 'Conflict', { detail, extensions }),
  policyViolation: (violations: string[], detail = 'The request breaks the resource policy.') =>
    new AppError('policy_violation', 422, 'Policy violation', { detail, extensions: { violations } }),
  unprocessable: (code: string, detail: string) =>
    new AppError(code, 422, 'Unprocessable request', { detail }),
  methodNotAllowed: (method: string) =>
    new AppError('method_not_allowed', 405, 'Method not allowed', {
      detail: `${method} is not allowed here; the Allow header lists what is.`,
    }),
  payloadTooLarge: () => new AppError('payload_too_large', 413, 'Payload too large'),
  unavailable: (detail: string, options: AppErrorOptions = {}) =>
    new AppError('unavailable', 503, 'Service unavailable', { ...options, detail, retryable: true }),
  internal: (cause: unknown) =>
    new AppError('internal', 500, 'Internal error', { detail: 'An unexpected error occurred.', cause }),
};
