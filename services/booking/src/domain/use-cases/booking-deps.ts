import type {
  BookingProjection,
  CalendarStore,
  OrgDirectory,
  QualificationDirectory,
  ResourceDirectory,
} from '../ports';

/** What the booking use cases run on: ports to storage and read models, the clock, and settings. */
export interface BookingDeps {
  calendars: CalendarStore;
  projection: BookingProjection;
  resources: ResourceDirectory;
  orgs: OrgDirectory;
  qualifications: QualificationDirectory;
  clock: () => Date;
  newId: () => string;
  /** How long a hold (and a waitlist offer) lasts before it expires. */
  holdMs: number;
  offerMs: number;
  maxSeriesOccurrences: number;
  /** Called after a committed change, to let the outbox relay run at once. */
  afterCommit: () => void;
}
