import { z } from 'zod';
import { cursorCodec } from '@labshare/http';

/** Ledger entries and review items list by id. */
export const ledgerCursor = cursorCodec(z.string());
export const reviewCursor = cursorCodec(z.string());
