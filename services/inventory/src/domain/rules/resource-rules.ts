import type { ResourceSpec } from '@labshare/contracts';
import type { FieldError } from '@labshare/errors';
import { openingHoursProblems } from './opening-hours-rules';

/**
 * Rules that look at more than one field, checked on the whole resource (after a PATCH merged into
 * it). Single-field rules (ranges, formats, time zone, slot size dividing the day) are in the Zod
 * schemas of @labshare/contracts. Field names are paths in the resource (`policy.minMinutes`).
 */
export function resourceProblems(spec: ResourceSpec, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  if (spec.policy.minMinutes > spec.policy.maxMinutes) {
    problems.push({
      field: 'policy.minMinutes',
      message: `must not exceed policy.maxMinutes (${spec.policy.maxMinutes})`,
    });
  }
  return [...problems, ...openingHoursProblems(spec.openingHours, spec.timezone, now)];
}

/** Names fields as the request does (`body.policy.minMinutes`). */
export function inRequest(part: string, problems: FieldError[]): FieldError[] {
  return problems.map((p) => ({ field: `${part}.${p.field}`, message: p.message }));
}
