import { describe, expect, it } from 'vitest';
import { calendarSpecErrors } from './spec-errors';

describe('calendarSpecErrors', () => {
  it('when the zone and opening hours are usable, then there are no errors', () => {
    const openingHours = [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '24:00' }];
    expect(calendarSpecErrors({ timezone: 'Asia/Shanghai', openingHours })).toEqual([]);
    expect(calendarSpecErrors({ timezone: 'Asia/Shanghai' })).toEqual([]);
  });

  it('when fields are unusable, then each is named by its path', () => {
    const openingHours = [
      { rrule: 'FREQ=HOURLY', start: '8:00', end: '18:00' },
      { rrule: 'FREQ=DAILY', start: '18:00', end: '08:00' },
    ];
    expect(calendarSpecErrors({ timezone: 'Mars/Base', openingHours }).map((e) => e.field)).toEqual([
      'timezone',
      'openingHours[0].rrule',
      'openingHours[0].start',
      'openingHours[1].end',
    ]);
  });
});
