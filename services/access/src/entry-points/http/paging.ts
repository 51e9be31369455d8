import { z } from 'zod';
import { cursorCodec } from '@labshare/http';

/** Qualifications list by id; revocations by `[revokedAt, jti]`. */
export const qualificationCursor = cursorCodec(z.string());
export const revocationCursor = cursorCodec(z.tuple([z.number(), z.string()]));
