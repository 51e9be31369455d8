import { AppError, errors } from '@labshare/errors';

/** What body-parser, the router and other http-errors users throw: a status and a `type`. */
interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

/**
 * Turns errors that transport libraries raise for malformed input into the platform's errors, so
 * bad input is always a 4xx problem document, never a 500: a body that is not JSON, not UTF-8, too
 * big, or encoded in a way that does not decode; a path whose percent-encoding is broken.
 */
export function fromTransportError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error;
  const { type, message } = error as HttpError;
  const status = (error as HttpError).status ?? (error as HttpError).statusCode;
  if (type === 'entity.too.large') return errors.payloadTooLarge();
  if (type === 'entity.parse.failed') return bad('body', 'is not valid JSON');
  if (type === 'entity.verify.failed') return bad('body', message ?? 'was refused');
  if (type === 'charset.unsupported')
    return bad('header.content-type', 'names a charset that is not supported');
  if (type === 'encoding.unsupported') return bad('header.content-encoding', 'is not supported');
  if (error instanceof URIError) return bad('path', 'has an invalid percent-encoding');
  if (status !== undefined && status >= 400 && status < 500) {
    // zlib and stream errors of a body whose declared encoding does not decode, and their kin.
    return bad('body', message ?? 'could not be read');
  }
  return error;
}

function bad(field: string, message: string): AppError {
  return errors.validation([{ field, message }]);
}
