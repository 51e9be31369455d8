import type { Booking, UsageRecord } from '@labshare/contracts';
import type { CreditableCharge, CreditGrant } from './credits';
import type { LedgerLine } from './ledger-lines';
import type { OpenUseBooking, OpenUseSession } from './open-use';

/** Facts and records the billing rules' tests are built from; each test overrides what it is about. */

export const terms = {
  category: 'enterprise' as const,
  perHour: 80000,
  currency: 'CNY',
  incrementMinutes: 15,
  minimumMinutes: 30,
  basis: 'actual' as const,
  rateCardVersion: 3,
};

/** A 50-minute session of an hour booked by enterprise `c` on `p`'s equipment. */
export const aRecord = (overrides: Partial<UsageRecord> = {}): UsageRecord => ({
  id: 'usage-1',
  sessionId: 's-1',
  bookingId: 'b-1',
  resourceId: 'r-1',
  resourceKind: 'equipment',
  providerOrgId: 'p',
  consumerOrgId: 'c',
  consumerKind: 'enterprise',
  userId: 'u',
  start: '2026-12-01T02:00:00.000Z',
  end: '2026-12-01T02:50:00.000Z',
  minutes: 50,
  external: true,
  booked: {
    start: '2026-12-01T02:00:00.000Z',
    end: '2026-12-01T03:00:00.000Z',
    quantity: 1,
    price: { amount: 80000, currency: 'CNY' },
  },
  priceTerms: terms,
  closedBy: 'device',
  recordedAt: '2026-12-01T02:50:01.000Z',
  ...overrides,
});

/** A cancelled hour carrying a 400.00 CNY fee. */
export const aBooking = (overrides: Partial<Booking> = {}): Booking => ({
  id: 'b-2',
  resourceId: 'r-1',
  resourceKind: 'equipment',
  providerOrgId: 'p',
  consumerOrgId: 'c',
  consumerKind: 'enterprise',
  userId: 'u',
  start: '2026-12-01T02:00:00.000Z',
  end: '2026-12-01T03:00:00.000Z',
  quantity: 1,
  status: 'cancelled',
  external: true,
  price: { amount: 80000, currency: 'CNY' },
  priceTerms: terms,
  fee: { amount: 40000, currency: 'CNY' },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-30T23:00:00.000Z',
  version: 3,
  ...overrides,
});

export const aLine = (overrides: Partial<LedgerLine> = {}): LedgerLine => ({
  id: 'usage:u-1',
  kind: 'usage',
  consumerOrgId: 'c',
  providerOrgId: 'p',
  amount: 1000,
  currency: 'CNY',
  bookingId: 'b-1',
  resourceId: 'r-1',
  period: '2026-12',
  servicePeriod: '2026-12',
  createdAt: Date.parse('2026-12-01T02:50:01.000Z'),
  sourceEventId: 'evt-1',
  ...overrides,
});

/** The end of the session the credit tests charge. */
export const END = Date.UTC(2026, 11, 1, 10, 0);
export const DAY = 86_400_000;

export const aGrant = (overrides: Partial<CreditGrant> = {}): CreditGrant => ({
  id: 'g1',
  orgId: 'firm',
  fundingSource: 'lingang-voucher',
  amount: 100_000,
  balance: 100_000,
  expiresAt: END + DAY,
  coversPercent: 100,
  createdAt: END - 30 * DAY,
  ...overrides,
});

export const aCharge = (overrides: Partial<CreditableCharge> = {}): CreditableCharge => ({
  ledgerId: 'l1',
  consumerOrgId: 'firm',
  providerOrgId: 'uni',
  amount: 10_000,
  resourceKind: 'equipment',
  sessionEnd: END,
  recordedAt: END + 1_000,
  ...overrides,
});

/** December 2026 in Asia/Shanghai (UTC+8): 23 weekdays, the 1st a Tuesday. */
export const DECEMBER = { start: Date.UTC(2026, 10, 30, 16), end: Date.UTC(2026, 11, 31, 16) };
/** Local Shanghai wall time on a December 2026 day → epoch ms. */
export const sh = (day: number, hour: number) => Date.UTC(2026, 11, day, hour - 8);

export const anOpenUseBooking = (overrides: Partial<OpenUseBooking> = {}): OpenUseBooking => ({
  resourceId: 'r1',
  start: sh(8, 14),
  end: sh(8, 16),
  quantity: 1,
  status: 'confirmed',
  ...overrides,
});

export const anOpenUseSession = (overrides: Partial<OpenUseSession> = {}): OpenUseSession => ({
  resourceId: 'r1',
  providerOrgId: 'uni',
  consumerOrgId: 'firm',
  minutes: 100,
  quantity: 1,
  end: sh(8, 16),
  ...overrides,
});
