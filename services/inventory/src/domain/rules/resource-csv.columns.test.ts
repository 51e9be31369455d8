import { describe, expect, it } from 'vitest';
import { parseResourceCsv } from './resource-csv';

/** The cell `cell` under `column`, in a row that also names orgId, kind and name. */
function read(column: string, cell: string) {
  const { rows, fileProblems } = parseResourceCsv(`orgId,kind,name,${column}\norg-1,lab,Bench,${cell}\n`);
  expect(fileProblems).toEqual([]);
  return rows[0];
}

describe('parseResourceCsv column types', () => {
  it.each([
    ['description', 'Bench 3', { description: 'Bench 3' }],
    ['location.building', 'B', { location: { building: 'B' } }],
    ['location.room', '103', { location: { room: '103' } }],
    ['timezone', 'Asia/Shanghai', { timezone: 'Asia/Shanghai' }],
    ['rates.currency', 'CNY', { rates: { currency: 'CNY' } }],
    ['policy.approval', 'external', { policy: { approval: 'external' } }],
    ['policy.maxMinutes', '240', { policy: { maxMinutes: 240 } }],
    ['rates.perHour.university', '30000', { rates: { perHour: { university: 30000 } } }],
    ['rates.incrementMinutes', '15', { rates: { incrementMinutes: 15 } }],
    ['rates.minimumMinutes', '30', { rates: { minimumMinutes: 30 } }],
    ['quota.hoursPerWeek', '10', { quota: { hoursPerWeek: 10 } }],
    ['quota.hoursPerMonth', '12.5', { quota: { hoursPerMonth: 12.5 } }],
    ['capacity', '12.25', { capacity: 12.25 }],
  ])('when the %s column holds "%s", then the body has %j', (column, cell, expected) => {
    const row = read(column, cell);
    expect(row?.problems).toEqual([]);
    expect(row?.input).toEqual({ orgId: 'org-1', kind: 'lab', name: 'Bench', ...expected });
  });

  it('when cells are padded with spaces, then they are trimmed', () => {
    expect(read('capacity', ' 3 ')?.input).toEqual({
      orgId: 'org-1',
      kind: 'lab',
      name: 'Bench',
      capacity: 3,
    });
  });

  it('when a row has fewer cells than the header, then the missing cells are left out of the body', () => {
    const { rows } = parseResourceCsv('orgId,kind,name,description\norg-1,lab,Bench\n');
    expect(rows[0]?.input).toEqual({ orgId: 'org-1', kind: 'lab', name: 'Bench' });
    expect(rows[0]?.cells).toEqual({ orgId: 'org-1', kind: 'lab', name: 'Bench' });
  });

  it('when the file breaks CSV quoting on a later line, then no rows are read and the line where the quote opens is named', () => {
    const result = parseResourceCsv('orgId,kind,name\norg-1,lab,x\norg-2,lab,"y\n');
    expect(result.rows).toEqual([]);
    expect(result.fileProblems).toEqual([
      { row: 3, field: 'file', message: expect.stringContaining('is not valid CSV') },
    ]);
  });
});
