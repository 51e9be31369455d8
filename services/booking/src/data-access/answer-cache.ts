import type { ResourceAvailability } from '@labshare/contracts';
import type { AnswerMemo } from '../domain/ports';

/**
 * Availability answers held in this replica's memory by the key that fixes them. They are handed out
 * frozen: nobody can change a shared answer, and the HTTP edge writes a frozen answer's JSON once
 * for as long as it is held (`sendJson` in `@labshare/http`). Bounded by the pieces held (free
 * intervals and slots, ~70 bytes of JSON each, plus one per answer): a 90-day answer of hourly
 * slots is ~6,600 pieces, a week's a few hundred. The least recently used go first.
 */
export class AnswerCache implements AnswerMemo {
  private readonly held = new Map<string, { answer: ResourceAvailability; pieces: number }>();
  private pieces = 0;

  constructor(private readonly maxPieces: number) {}

  remember(key: string, make: () => ResourceAvailability): ResourceAvailability {
    const hit = this.held.get(key);
    if (hit) {
      this.held.delete(key); // re-inserted last: the map's order is the order of use
      this.held.set(key, hit);
      return hit.answer;
    }
    const answer = deepFreeze(make());
    const pieces = 1 + answer.free.length + (answer.slots?.length ?? 0); // an empty answer counts too
    if (pieces > this.maxPieces) return answer;
    this.held.set(key, { answer, pieces });
    this.pieces += pieces;
    for (const [oldest, entry] of this.held) {
      if (this.pieces <= this.maxPieces) break;
      this.held.delete(oldest);
      this.pieces -= entry.pieces;
    }
    return answer;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
