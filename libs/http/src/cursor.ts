import { errors } from '@labshare/errors';

/** Opaque list cursors: base64url of the sort key of the last item served. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw errors.validation([{ field: 'query.cursor', message: 'is not a cursor this API issued' }]);
  }
}
