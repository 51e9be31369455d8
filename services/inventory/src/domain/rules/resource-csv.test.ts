import { describe, expect, it } from 'vitest';
import { parseResourceCsv } from './resource-csv';

const header =
  'orgId,kind,name,location.campus,capacity,shared,openingHours,policy.slotMinutes,policy.approval,rates.perHour.enterprise,requiredQualifications';

describe('parseResourceCsv', () => {
  it('when a row is well formed, then dotted columns nest and cells take their column types', () => {
    const csv = `${header}\norg-1,equipment,SEM,Main,1,no,"FREQ=WEEKLY;BYDAY=MO,TU|08:30|12:00;FREQ=WEEKLY;BYDAY=MO|13:00|17:30",60,external,80000,sem-operator; laser-safety\n`;
    const { rows, fileProblems } = parseResourceCsv(csv);
    expect(fileProblems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        problems: [],
        cells: expect.objectContaining({ name: 'SEM', capacity: '1' }),
        input: {
          orgId: 'org-1',
          kind: 'equipment',
          name: 'SEM',
          location: { campus: 'Main' },
          capacity: 1,
          shared: false,
          openingHours: [
            { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU', start: '08:30', end: '12:00' },
            { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '13:00', end: '17:30' },
          ],
          policy: { slotMinutes: 60, approval: 'external' },
          rates: { perHour: { enterprise: 80000 } },
          requiredQualifications: ['sem-operator', 'laser-safety'],
        },
      },
    ]);
  });

  it('when cells are empty, then they are left out so the defaults apply', () => {
    const { rows } = parseResourceCsv(`${header}\norg-1,lab,Bench,,,,,,,,\n`);
    expect(rows[0]?.input).toEqual({ orgId: 'org-1', kind: 'lab', name: 'Bench' });
  });

  it('when cells cannot be read as their type, then row and column are named', () => {
    const { rows } = parseResourceCsv(`${header}\n\norg-1,lab,Bench,,many,perhaps,FREQ=DAILY|08:00,,,,\n`);
    expect(rows[0]?.row).toBe(3);
    expect(rows[0]?.problems).toEqual([
      { row: 3, field: 'capacity', message: 'must be a number, got "many"' },
      { row: 3, field: 'shared', message: 'must be true or false, got "perhaps"' },
      { row: 3, field: 'openingHours', message: 'entry 1 is not RRULE|HH:MM|HH:MM' },
    ]);
  });

  it('when a row has too few cells, then the row is named', () => {
    const { rows } = parseResourceCsv('orgId,kind,name\norg-1,lab\n');
    expect(rows[0]?.problems).toEqual([{ row: 2, field: 'row', message: 'has 2 cells, the header has 3' }]);
  });

  it('when the header has unknown, repeated or missing columns, then the file is refused', () => {
    const { rows, fileProblems } = parseResourceCsv('orgId,kind,nmae,kind\norg-1,lab,x,lab\n');
    expect(rows).toEqual([]);
    expect(fileProblems).toEqual([
      { row: 1, field: 'nmae', message: 'is not a known column' },
      { row: 1, field: 'kind', message: 'appears twice' },
      { row: 1, field: 'name', message: 'column is missing' },
    ]);
  });

  it('when the file is not CSV, then the line is named', () => {
    const { fileProblems } = parseResourceCsv('orgId,kind,name\n"org-1,lab,x\n');
    expect(fileProblems).toEqual([
      { row: expect.any(Number), field: 'file', message: expect.stringContaining('is not valid CSV') },
    ]);
  });
});
