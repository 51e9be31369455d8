// The console's view of the public API: every record type is the contract's own (z.infer of the
// Zod schemas in libs/contracts), imported as types only, so nothing of the server ships here.
export type {
  BlackoutCreated,
  Booking,
  CheckInAnswer,
  CheckOutAnswer,
  IssuedPass,
  LedgerPage,
  OpenUseReportView,
  Org,
  Qualification,
  Resource,
  ResourceAvailability,
  Role,
  SeriesCreated,
  Statement,
  SubsidyReportView,
} from '@labshare/contracts';

/** `{ items, nextCursor }`, as every list endpoint answers (`page()` in the contracts). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
