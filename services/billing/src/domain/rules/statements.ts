import type { Org, Statement, StatementLine } from '@labshare/contracts';
import type { LedgerLine } from './ledger-lines';

/** A consumer-side line as a statement lists it. */
export function statementLineOf(line: LedgerLine): StatementLine {
  return {
    entryId: line.id,
    kind: line.kind,
    bookingId: line.bookingId,
    resourceId: line.resourceId,
    counterpartyOrgId: line.providerOrgId,
    amount: line.amount,
    servicePeriod: line.servicePeriod,
    createdAt: new Date(line.createdAt).toISOString(),
    ...(line.rateCardVersion !== undefined ? { rateCardVersion: line.rateCardVersion } : {}),
    ...(line.minutes !== undefined ? { minutes: line.minutes } : {}),
  };
}

/** A credit line, or the reversal of one (a correction gave that credit back to its grant). */
const isCredit = (line: LedgerLine) =>
  line.kind === 'credit_applied' || (line.kind === 'adjustment' && line.origin === 'credit_applied');

/**
 * An org's statement of a period from its consumer-side lines (in id order). `credit_applied`
 * lines carry negative amounts (they reduce what is owed): `credits` shows them, net of their
 * reversals, as a positive figure, `gross` sums every other line, and `net = total = gross − credits`.
 */
export function openStatement(orgId: string, period: string, lines: LedgerLine[]): Statement {
  const credits = 0 - sum(lines.filter(isCredit));
  const gross = sum(lines.filter((line) => !isCredit(line)));
  return {
    orgId,
    period,
    status: 'open',
    currency: lines[0]?.currency ?? 'CNY',
    lines: lines.map(statementLineOf),
    gross,
    credits,
    net: gross - credits,
    total: gross - credits,
  };
}

/** The open statement, issued: numbered, stamped, with the org's name and kind as they were then. */
export function issuedStatement(open: Statement, org: Org, number: string, issuedAt: number): Statement {
  // Fields in the contract's order, the order a statement read back from its event has, so the
  // one issued here and the one a replay restores serialise byte for byte alike.
  return {
    orgId: open.orgId,
    period: open.period,
    status: 'issued',
    number,
    issuedAt: new Date(issuedAt).toISOString(),
    org: { name: org.name, kind: org.kind },
    currency: open.currency,
    lines: open.lines,
    gross: open.gross,
    credits: open.credits,
    net: open.net,
    total: open.total,
  };
}

/** `LS-YYYYMM-NNNNNN`: numbered per period in the order statements were issued. */
export function statementNumber(period: string, sequence: number): string {
  return `LS-${period.replace('-', '')}-${String(sequence).padStart(6, '0')}`;
}

function sum(lines: LedgerLine[]): number {
  return lines.reduce((total, line) => total + line.amount, 0);
}
