import { errors } from '@labshare/errors';

/** Organisation names are unique: a retried create without an Idempotency-Key cannot register one twice. */
export function nameTaken(name: string) {
  return errors.conflict(`An organisation named "${name}" exists already.`, {}, 'org_name_taken');
}
