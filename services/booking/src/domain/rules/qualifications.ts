import type { HeldQualification } from '../ports';

/** Names of the qualifications still valid at `at` (the booked end: valid for the whole booking). */
export function validAt(held: HeldQualification[], at: number): string[] {
  return held.filter((q) => q.expiresAt === undefined || q.expiresAt >= at).map((q) => q.name);
}
