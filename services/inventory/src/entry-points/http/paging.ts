import { z } from 'zod';
import { cursorCodec } from '@labshare/http';

/** Lists of orgs and resources run in creation order; blackouts by start. */
export const creationCursor = cursorCodec(z.object({ createdAt: z.string(), id: z.string() }));
export const blackoutCursor = cursorCodec(z.object({ start: z.string(), id: z.string() }));
