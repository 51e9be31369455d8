import type { z } from 'zod';
import { errors } from '@labshare/errors';

export interface CursorCodec<K> {
  /** The key a cursor this API issued stands for; anything else is a 400 naming `query.cursor`. */
  read(cursor: string | undefined): K | undefined;
  /** The cursor for a page's `next` key: `null` when no page follows. */
  write(key: K | undefined): string | null;
}

/**
 * Opaque list cursors: base64url JSON of the sort key of the last item served, checked against the
 * key's schema on the way back in, so a forged or stale cursor is a clear 400, never a crash.
 */
export function cursorCodec<S extends z.ZodTypeAny>(schema: S): CursorCodec<z.output<S>> {
  const refused = () =>
    errors.validation([{ field: 'query.cursor', message: 'is not a cursor this API issued' }]);
  return {
    read(cursor) {
      if (!cursor) return undefined;
      let key: unknown;
      try {
        key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw refused();
      }
      const parsed = schema.safeParse(key);
      if (!parsed.success) throw refused();
      return parsed.data;
    },
    write(key) {
      return key === undefined ? null : Buffer.from(JSON.stringify(key)).toString('base64url');
    },
  };
}
