import type { BookingState, WaitEntry } from '../domain/rules/booking-state';

/** How bookings and waitlist entries are stored: instants as BSON dates, everything else as is. */
export type StoredBooking = Omit<
  BookingState,
  'start' | 'end' | 'createdAt' | 'updatedAt' | 'expiresAt' | 'checkedInAt'
> & {
  start: Date;
  end: Date;
  createdAt: Date;
  updatedAt: Date;
  expiresAt?: Date;
  checkedInAt?: Date;
};
export type StoredWaitEntry = Omit<WaitEntry, 'start' | 'end' | 'createdAt' | 'expiresAt'> & {
  start: Date;
  end: Date;
  createdAt: Date;
  expiresAt?: Date;
};

const INSTANT_FIELDS = ['start', 'end', 'createdAt', 'updatedAt', 'expiresAt', 'checkedInAt'] as const;

function mapInstants<T extends object>(value: T, map: (v: unknown) => unknown): T {
  const out = { ...value } as Record<string, unknown>;
  for (const field of INSTANT_FIELDS) {
    if (out[field] !== undefined && out[field] !== null) out[field] = map(out[field]);
    else delete out[field];
  }
  return out as T;
}

export const toStoredBooking = (b: BookingState) =>
  mapInstants(b, (v) => new Date(v as number)) as unknown as StoredBooking;
export const fromStoredBooking = (b: StoredBooking) =>
  mapInstants(stripId(b), (v) => (v as Date).getTime()) as unknown as BookingState;
export const toStoredEntry = (e: WaitEntry) =>
  mapInstants(e, (v) => new Date(v as number)) as unknown as StoredWaitEntry;
export const fromStoredEntry = (e: StoredWaitEntry) =>
  mapInstants(stripId(e), (v) => (v as Date).getTime()) as unknown as WaitEntry;

function stripId<T extends object>(doc: T): T {
  const { _id: _ignored, ...rest } = doc as T & { _id?: unknown };
  return rest as T;
}
