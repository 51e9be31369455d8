import { describe, expect, it } from 'vitest';
import { MAX_ROWS, parseResourceCsv } from './resource-csv';

/** One row under `orgId,kind,name,<column>` with `cell` in the last column. */
function readOne(column: string, cell: string) {
  const { rows, fileProblems } = parseResourceCsv(`orgId,kind,name,${column}\norg-1,lab,Bench,"${cell}"\n`);
  expect(fileProblems).toEqual([]);
  const [row] = rows;
  return { input: row?.input ?? {}, problems: row?.problems ?? [] };
}

describe('parseResourceCsv number cells', () => {
  it.each([
    ['a whole number', '60', 60],
    ['a negative number', '-5', -5],
    ['a decimal', '12.5', 12.5],
    ['zero', '0', 0],
  ])('when the cell is %s, then it is read as a number', (_case, cell, value) => {
    expect(readOne('capacity', cell)).toEqual({
      input: expect.objectContaining({ capacity: value }),
      problems: [],
    });
  });

  it.each([
    ['text before the digits', 'x60'],
    ['text after the digits', '60x'],
    ['a trailing decimal point', '60.'],
    ['a leading decimal point', '.5'],
    ['two decimal points', '1.2.3'],
    ['an exponent', '1e3'],
    ['a plus sign', '+5'],
    ['digits around a space', '6 0'],
  ])('when the cell has %s, then it is a problem, not a number', (_case, cell) => {
    expect(readOne('capacity', cell)).toEqual({
      input: { orgId: 'org-1', kind: 'lab', name: 'Bench' },
      problems: [{ row: 2, field: 'capacity', message: `must be a number, got "${cell}"` }],
    });
  });
});

describe('parseResourceCsv boolean cells', () => {
  it.each([
    ['true', true],
    ['YES', true],
    ['1', true],
    ['False', false],
    ['no', false],
    ['0', false],
  ])('when the cell is "%s", then shared is %s', (cell, value) => {
    expect(readOne('shared', cell).input).toEqual(expect.objectContaining({ shared: value }));
  });

  it('when the cell is neither, then it is a problem', () => {
    expect(readOne('shared', 'y').problems).toEqual([
      { row: 2, field: 'shared', message: 'must be true or false, got "y"' },
    ]);
  });
});

describe('parseResourceCsv opening hours cells', () => {
  it.each([
    [
      'one entry with spaces around the bars',
      ' FREQ=DAILY | 08:00 | 12:00 ',
      [{ rrule: 'FREQ=DAILY', start: '08:00', end: '12:00' }],
    ],
    [
      'two entries, the RRULE holding ; itself',
      'FREQ=WEEKLY;BYDAY=MO|08:00|12:00; FREQ=DAILY|13:00|14:00',
      [
        { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '08:00', end: '12:00' },
        { rrule: 'FREQ=DAILY', start: '13:00', end: '14:00' },
      ],
    ],
  ])('when the cell has %s, then each entry is read', (_case, cell, windows) => {
    expect(readOne('openingHours', cell)).toEqual({
      input: expect.objectContaining({ openingHours: windows }),
      problems: [],
    });
  });

  it.each([
    ['a second entry without times', 'FREQ=DAILY|08:00|12:00;FREQ=WEEKLY', 2],
    ['an entry with four parts', 'FREQ=DAILY|08:00|12:00|13:00', 1],
    ['only an RRULE', 'FREQ=DAILY', 1],
  ])('when the cell has %s, then the bad entry is named', (_case, cell, entry) => {
    expect(readOne('openingHours', cell).problems).toEqual([
      { row: 2, field: 'openingHours', message: `entry ${entry} is not RRULE|HH:MM|HH:MM` },
    ]);
  });
});

describe('parseResourceCsv list cells', () => {
  it('when a list has blanks and spaces, then they are trimmed and dropped', () => {
    expect(readOne('requiredQualifications', ' a ; ;b;').input).toEqual(
      expect.objectContaining({ requiredQualifications: ['a', 'b'] }),
    );
  });
});

describe('parseResourceCsv row limit', () => {
  const file = (rows: number) =>
    `orgId,kind,name\n${Array.from({ length: rows }, (_, k) => `org-1,lab,Bench ${k}`).join('\n')}\n`;

  it(`when the file has exactly ${MAX_ROWS} rows, then every row is read`, () => {
    const { rows, fileProblems } = parseResourceCsv(file(MAX_ROWS));
    expect(fileProblems).toEqual([]);
    expect(rows).toHaveLength(MAX_ROWS);
    expect(rows.at(-1)?.row).toBe(MAX_ROWS + 1);
  });

  it(`when the file has ${MAX_ROWS + 1} rows, then the file is refused at the first row too many`, () => {
    expect(parseResourceCsv(file(MAX_ROWS + 1))).toEqual({
      rows: [],
      fileProblems: [
        { row: MAX_ROWS + 2, field: 'file', message: `has more than ${MAX_ROWS} rows; split it` },
      ],
    });
  });
});

describe('parseResourceCsv header', () => {
  it('when a header cell is blank, then its column number is named', () => {
    expect(parseResourceCsv('orgId,kind,name,\norg-1,lab,x,\n').fileProblems).toEqual([
      { row: 1, field: 'column 4', message: 'is not a known column' },
    ]);
  });

  it('when the file is empty, then every required column is missing', () => {
    expect(parseResourceCsv('').fileProblems.map((p) => p.field)).toEqual(['orgId', 'kind', 'name']);
  });

  it('when a row has more cells than the header, then the row is named', () => {
    const { rows } = parseResourceCsv('orgId,kind,name\norg-1,lab,x,extra\n');
    expect(rows[0]?.problems).toEqual([{ row: 2, field: 'row', message: 'has 4 cells, the header has 3' }]);
  });

  it('when the file starts with a byte order mark, then the first column is still known', () => {
    expect(parseResourceCsv('\uFEFForgId,kind,name\norg-1,lab,x\n').fileProblems).toEqual([]);
  });
});
