import { describe, expect, it } from 'vitest';
import { fitsCapacity, peakConcurrency, usageSteps } from './occupancy';
import { MIN } from './test-fixtures';

const booking = (startMin: number, endMin: number, quantity = 1) => ({
  start: startMin * MIN,
  end: endMin * MIN,
  quantity,
});
const span = (startMin: number, endMin: number) => ({ start: startMin * MIN, end: endMin * MIN });

describe('peakConcurrency', () => {
  it('when three bookings overlap pairwise but never all at once, then the peak is 2 (not 3)', () => {
    const occupancy = [booking(0, 60), booking(30, 90), booking(60, 120)];
    expect(peakConcurrency(occupancy, span(0, 120), 0)).toBe(2);
  });

  it('when one booking ends exactly where the next starts, then they never count together', () => {
    expect(peakConcurrency([booking(0, 60), booking(60, 120)], span(0, 120), 0)).toBe(1);
  });

  it('when a buffer applies, then bookings are widened on both sides', () => {
    const occupancy = [booking(60, 120, 2)];
    expect(peakConcurrency(occupancy, span(0, 50), 10 * MIN)).toBe(0);
    expect(peakConcurrency(occupancy, span(0, 51), 10 * MIN)).toBe(2);
    expect(peakConcurrency(occupancy, span(0, 51), 0)).toBe(0);
    expect(peakConcurrency(occupancy, span(130, 200), 10 * MIN)).toBe(0);
    expect(peakConcurrency(occupancy, span(129, 200), 10 * MIN)).toBe(2);
  });

  it('when bookings are empty or hold no units, then they hold nothing even with a buffer', () => {
    expect(peakConcurrency([booking(60, 60), booking(0, 120, 0)], span(0, 120), 15 * MIN)).toBe(0);
  });

  it('when usage changes, then the steps cover the interval with the exact count on each', () => {
    expect(usageSteps([booking(10, 30), booking(20, 40, 2)], span(0, 50), 0)).toEqual([
      { ...span(0, 10), used: 0 },
      { ...span(10, 20), used: 1 },
      { ...span(20, 30), used: 3 },
      { ...span(30, 40), used: 2 },
      { ...span(40, 50), used: 0 },
    ]);
  });
});

describe('fitsCapacity', () => {
  it('when the peak plus the demand stays within capacity, then it fits; one unit more does not', () => {
    const occupancy = [booking(0, 60), booking(30, 90)];
    expect(fitsCapacity(occupancy, { ...span(0, 90), quantity: 1 }, 3, 0)).toBe(true);
    expect(fitsCapacity(occupancy, { ...span(0, 90), quantity: 2 }, 3, 0)).toBe(false);
    expect(fitsCapacity(occupancy, { ...span(60, 90), quantity: 2 }, 3, 0)).toBe(true);
  });
});
