import { stringify } from 'csv-stringify/sync';
import type { LedgerEntry, Statement } from '@labshare/contracts';

const ledgerColumns = [
  'id',
  'orgId',
  'counterpartyOrgId',
  'side',
  'kind',
  'amount',
  'currency',
  'bookingId',
  'resourceId',
  'period',
  'servicePeriod',
  'createdAt',
  'rateCardVersion',
  'minutes',
  'sourceEventId',
] as const;

/** RFC 4180 (CRLF, quoted where needed): one row per entry, amounts in minor units. */
export function ledgerCsv(entries: LedgerEntry[]): string {
  return stringify(
    entries.map((e) => ledgerColumns.map((c) => e[c] ?? '')),
    { header: true, columns: [...ledgerColumns], record_delimiter: 'windows' },
  );
}

const statementColumns = [
  'orgId',
  'period',
  'status',
  'number',
  'entryId',
  'kind',
  'bookingId',
  'resourceId',
  'counterpartyOrgId',
  'servicePeriod',
  'minutes',
  'amount',
  'currency',
] as const;

/**
 * RFC 4180: one row per line, then three summary rows (`kind` gross, credits, net) whose `amount`
 * is the statement's figure; the lines' amounts sum to `net`.
 */
export function statementCsv(statement: Statement): string {
  const head = [statement.orgId, statement.period, statement.status, statement.number ?? ''];
  const rows = statement.lines.map((l) => [
    ...head,
    l.entryId,
    l.kind,
    l.bookingId,
    l.resourceId,
    l.counterpartyOrgId,
    l.servicePeriod,
    l.minutes ?? '',
    l.amount,
    statement.currency,
  ]);
  const summary = (['gross', 'credits', 'net'] as const).map((figure) => [
    ...head,
    '',
    figure,
    '',
    '',
    '',
    '',
    '',
    statement[figure],
    statement.currency,
  ]);
  return stringify([...rows, ...summary], {
    header: true,
    columns: [...statementColumns],
    record_delimiter: 'windows',
  });
}
