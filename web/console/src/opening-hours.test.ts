import { describe, expect, it } from 'vitest';
import { rowsOf, windowsOf, type OpeningRow } from './opening-hours';

describe('opening-hours editor rows', () => {
  it.each<[string, OpeningRow[], { rrule: string; start: string; end: string }[]]>([
    [
      'weekdays in any order',
      [{ days: ['FR', 'MO', 'WE'], start: '08:00', end: '18:00' }],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', start: '08:00', end: '18:00' }],
    ],
    ['a row with no day ticked', [{ days: [], start: '08:00', end: '12:00' }], []],
    [
      'a rule the editor cannot show, kept',
      [{ days: [], start: '09:00', end: '10:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' }],
      [{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '09:00', end: '10:00' }],
    ],
  ])('when %s, then the windows are as the API takes them', (_, rows, windows) => {
    expect(windowsOf(rows)).toEqual(windows);
  });

  it('when stored windows are edited and saved unchanged, then they come back the same', () => {
    const windows = [
      { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '18:00' },
      { rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '09:00', end: '12:00' },
      { rrule: 'FREQ=DAILY;INTERVAL=2', start: '00:00', end: '24:00' },
    ];
    expect(windowsOf(rowsOf(windows))).toEqual(windows);
  });
});
