import { describe, expect, it } from 'vitest';
import { createResourceBody, type Blackout, type Resource } from '@labshare/contracts';
import { MAX_BLACKOUTS, byStart, withBlackout, withoutBlackout } from './blackouts';
import { newResource } from './resource-spec';

const now = new Date('2026-06-01T00:00:00Z');
const resource = newResource(createResourceBody.parse({ orgId: 'o', kind: 'lab', name: 'Lab' }), 'r-1', now);
const blackout = (id: string, start: string): Blackout => ({
  id,
  resourceId: 'r-1',
  start,
  end: '2026-07-01T00:00:00.000Z',
  reason: '',
  createdAt: now.toISOString(),
});
const retired: Resource = { ...resource, status: 'retired' };

describe('byStart', () => {
  it.each([
    ['earlier start first', blackout('b', '2026-06-01T00:00:00Z'), blackout('a', '2026-06-02T00:00:00Z'), -1],
    ['equal starts by id', blackout('a', '2026-06-01T00:00:00Z'), blackout('b', '2026-06-01T00:00:00Z'), -1],
    ['the same blackout', blackout('a', '2026-06-01T00:00:00Z'), blackout('a', '2026-06-01T00:00:00Z'), 0],
  ])('when comparing with %s, then the sign says the order', (_name, a, b, sign) => {
    expect(Math.sign(byStart(a, b))).toBe(sign);
    expect(Math.sign(byStart(b, a))).toBe(-sign || 0);
  });
});

describe('withBlackout', () => {
  it('when a blackout is added, then the list stays in start order and the event names it', () => {
    const late = blackout('late', '2026-06-20T00:00:00.000Z');
    const early = blackout('early', '2026-06-10T00:00:00.000Z');
    const change = withBlackout({ ...resource, blackouts: [late] }, early);
    expect(change?.next.blackouts.map((b) => b.id)).toEqual(['early', 'late']);
    expect(change).toMatchObject({ type: 'resource.blackout-added.v1', blackout: early });
  });

  it('when the resource holds the maximum already, then one more is 422 too_many_blackouts', () => {
    const full = {
      ...resource,
      blackouts: Array.from({ length: MAX_BLACKOUTS }, (_, i) => blackout(`b${i}`, now.toISOString())),
    };
    expect(() => withBlackout(full, blackout('x', now.toISOString()))).toThrow(
      expect.objectContaining({ code: 'too_many_blackouts', status: 422 }),
    );
    const oneShort = { ...full, blackouts: full.blackouts.slice(1) };
    expect(withBlackout(oneShort, blackout('x', now.toISOString()))?.next.blackouts).toHaveLength(
      MAX_BLACKOUTS,
    );
  });

  it('when the resource is retired, then it is 409 resource_retired', () => {
    expect(() => withBlackout(retired, blackout('x', now.toISOString()))).toThrow(
      expect.objectContaining({ code: 'resource_retired' }),
    );
  });
});

describe('withoutBlackout', () => {
  it('when the blackout exists, then it is removed and named in the event', () => {
    const b = blackout('b', now.toISOString());
    const change = withoutBlackout({ ...resource, blackouts: [b] }, 'b');
    expect(change).toMatchObject({
      type: 'resource.blackout-removed.v1',
      blackout: b,
      next: { blackouts: [] },
    });
  });

  it.each([
    ['an unknown blackout', resource, 'not_found'],
    ['a retired resource', retired, 'resource_retired'],
  ])('when removing from %s, then it is refused with %s', (_name, current, code) => {
    expect(() => withoutBlackout(current, 'nope')).toThrow(expect.objectContaining({ code }));
  });
});
