import type { Qualification } from '@labshare/contracts';
import type { BookingDeps } from '../ports';

/** Access granted, changed or revoked a qualification: bookings that require it are checked against it. */
export function applyQualificationSnapshot(deps: BookingDeps, qualification: Qualification): Promise<void> {
  return deps.qualifications.save(qualification);
}
