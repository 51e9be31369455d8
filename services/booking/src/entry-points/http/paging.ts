import { z } from 'zod';
import { cursorCodec } from '@labshare/http';

/** Bookings list by `[start, id]`; the cross-resource availability search by resource id. */
export const bookingCursor = cursorCodec(z.tuple([z.number(), z.string()]));
export const resourceCursor = cursorCodec(z.string());
