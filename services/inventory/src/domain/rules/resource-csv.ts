import { parse } from 'csv-parse/sync';
import { customerCategories, policyDefaults } from '@labshare/contracts';
import type { ImportRowError } from '@labshare/contracts';

/**
 * A spreadsheet of resources, one per row, under a header row. Nested fields are dotted columns
 * (`policy.slotMinutes`, `rates.perHour.enterprise`, `location.campus`); lists are joined by `;`;
 * `openingHours` holds `RRULE|HH:MM|HH:MM` entries joined by `;`. An empty cell takes the default.
 * Row numbers are the spreadsheet's: the header is row 1.
 */

type CellType = 'text' | 'number' | 'boolean' | 'list' | 'openingHours';

export const CSV_COLUMNS: Record<string, CellType> = {
  orgId: 'text',
  kind: 'text',
  name: 'text',
  description: 'text',
  'location.campus': 'text',
  'location.building': 'text',
  'location.room': 'text',
  capacity: 'number',
  timezone: 'text',
  shared: 'boolean',
  openingHours: 'openingHours',
  ...Object.fromEntries(
    Object.entries(policyDefaults).map(([key, value]) => [
      `policy.${key}`,
      typeof value === 'number' ? 'number' : 'text',
    ]),
  ),
  'rates.currency': 'text',
  ...Object.fromEntries(customerCategories.map((c) => [`rates.perHour.${c}`, 'number'])),
  'rates.incrementMinutes': 'number',
  'rates.minimumMinutes': 'number',
  requiredQualifications: 'list',
  'quota.hoursPerWeek': 'number',
  'quota.hoursPerMonth': 'number',
};

const REQUIRED_COLUMNS = ['orgId', 'kind', 'name'];
export const MAX_ROWS = 5000;

export interface CsvRow {
  row: number;
  /** The row as a request body (not validated yet). */
  input: Record<string, unknown>;
  /** Cells that could not be read as their column's type. */
  problems: ImportRowError[];
  /** The non-empty cells, by column: what makes two rows "the same row". */
  cells: Record<string, string>;
}

export interface ParsedCsv {
  rows: CsvRow[];
  /** Problems with the file as a whole: nothing in it can be trusted. */
  fileProblems: ImportRowError[];
}

export function parseResourceCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      fileProblems: [{ row: line, field: 'file', message: `is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const [header = [], ...data] = records;
  const fileProblems = headerProblems(header, data.length);
  if (fileProblems.length > 0) return { rows: [], fileProblems };
  const rows = data
    .map((cells, index) => readRow(header, cells, index + 2))
    .filter((row): row is CsvRow => row !== undefined);
  return { rows, fileProblems: [] };
}

function headerProblems(header: string[], dataRows: number): ImportRowError[] {
  const problems: ImportRowError[] = [];
  header.forEach((column, index) => {
    if (!(column in CSV_COLUMNS)) {
      problems.push({ row: 1, field: column || `column ${index + 1}`, message: 'is not a known column' });
    } else if (header.indexOf(column) !== index) {
      problems.push({ row: 1, field: column, message: 'appears twice' });
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) problems.push({ row: 1, field: column, message: 'column is missing' });
  }
  if (dataRows > MAX_ROWS) {
    problems.push({ row: MAX_ROWS + 2, field: 'file', message: `has more than ${MAX_ROWS} rows; split it` });
  }
  return problems;
}

/** Undefined for a blank line. */
function readRow(header: string[], cells: string[], row: number): CsvRow | undefined {
  if (cells.every((cell) => cell === '')) return undefined;
  const parsed: CsvRow = { row, input: {}, problems: [], cells: {} };
  if (cells.length !== header.length) {
    parsed.problems.push({
      row,
      field: 'row',
      message: `has ${cells.length} cells, the header has ${header.length}`,
    });
  }
  header.forEach((column, index) => {
    const cell = cells[index] ?? '';
    if (cell === '') return;
    parsed.cells[column] = cell;
    // Stryker disable next-line StringLiteral: the header is checked first, so every column has a type
    const value = readCell(CSV_COLUMNS[column] ?? 'text', cell);
    if (value instanceof CellError) parsed.problems.push({ row, field: column, message: value.message });
    else setPath(parsed.input, column.split('.'), value);
  });
  return parsed;
}

class CellError extends Error {}

function readCell(type: CellType, cell: string): unknown {
  switch (type) {
    case 'text':
      return cell;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : new CellError(`must be a number, got "${cell}"`);
    case 'boolean':
      return readBoolean(cell);
    case 'list':
      return cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'openingHours':
      return readOpeningHours(cell);
  }
}

function readBoolean(cell: string): boolean | CellError {
  const value = cell.toLowerCase();
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  return new CellError(`must be true or false, got "${cell}"`);
}

/** RRULEs contain `;` themselves: an entry ends after its second `|`-separated time. */
function readOpeningHours(cell: string): unknown {
  const entry = /\s*([^|]+?)\s*\|\s*([^|;]*?)\s*\|\s*([^|;]*?)\s*(?:;|$)/y;
  const windows: { rrule: string; start: string; end: string }[] = [];
  while (entry.lastIndex < cell.length) {
    const match = entry.exec(cell);
    if (!match) return new CellError(`entry ${windows.length + 1} is not RRULE|HH:MM|HH:MM`);
    // Stryker disable next-line StringLiteral: all three groups take part in every match, so the fallbacks are never used
    windows.push({ rrule: match[1] ?? '', start: match[2] ?? '', end: match[3] ?? '' });
  }
  return windows;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  // Stryker disable next-line ConditionalExpression: setPath is only called with a column split on '.', which has at least one part
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest, value);
}
