import {
  creditEventTypes,
  creditGrantEventData,
  ledgerEventTypes,
  ledgerLineEventData,
  statementEventTypes,
  statementIssuedEventData,
  subsidyEventTypes,
  subsidyPolicySetEventData,
  subsidySettledEventData,
  topics,
  type CreditGrantView,
  type SubsidyLineView,
  type SubsidyPolicyView,
} from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import {
  creditGrantEvent,
  lineRecordedEvent,
  statementIssuedEvent,
  subsidyPolicySetEvent,
  subsidySettledEvent,
} from './billing-events';
import { entryOf } from './ledger-lines';
import { openStatement } from './statements';
import { aLine } from './test-fixtures';

const NOW = Date.parse('2026-12-01T03:00:00.000Z');
const context = { now: NOW, correlationId: 'corr-1' };

const line = aLine({ createdAt: NOW, rateCardVersion: 2, category: 'enterprise', minutes: 60 });

const envelope = (type: string, subject: string) =>
  expect.objectContaining({
    specversion: '1.0',
    source: 'labshare/billing',
    type,
    subject,
    time: new Date(NOW).toISOString(),
    correlationid: 'corr-1',
  });

describe('lineRecordedEvent', () => {
  it('when a line is recorded, then the event is keyed by the consumer, id ledger:<line id>, with both sides', () => {
    const { topic, event } = lineRecordedEvent(line, context);
    expect(topic).toBe(topics.billing);
    expect(event).toEqual(envelope(ledgerEventTypes.lineRecorded, 'c'));
    expect(event.id).toBe('ledger:usage:u-1');
    expect(event.data).toEqual({ entry: entryOf(line, 'consumer'), provider: entryOf(line, 'provider') });
    expect(ledgerLineEventData.parse(event.data)).toEqual(event.data);
  });
});

describe('statementIssuedEvent', () => {
  it('when a statement is issued, then the event is keyed by its org, id statement:<org>:<period>, with the statement', () => {
    const statement = openStatement('c', '2026-12', [line]);
    const { topic, event } = statementIssuedEvent(statement, context);
    expect(topic).toBe(topics.billing);
    expect(event).toEqual(envelope(statementEventTypes.issued, 'c'));
    expect(event.id).toBe('statement:c:2026-12');
    expect(event.data).toEqual({ statement });
    expect(statementIssuedEventData.parse(event.data)).toEqual(event.data);
  });
});

describe('subsidySettledEvent', () => {
  it('when a provider month is settled, then the event is keyed by the provider, id subsidy:<provider>:<period>, with the frozen records', () => {
    const subsidy: SubsidyLineView = {
      providerOrgId: 'p',
      period: '2026-12',
      currency: 'CNY',
      externalMinutes: 60,
      sessions: 1,
      consumerOrgs: 1,
      accrued: 500,
      capped: 0,
      payable: 500,
      status: 'settled',
      settledAt: new Date(NOW).toISOString(),
    };
    const { topic, event } = subsidySettledEvent(subsidy, ['u-1'], context);
    expect(topic).toBe(topics.billing);
    expect(event).toEqual(envelope(subsidyEventTypes.settled, 'p'));
    expect(event.id).toBe('subsidy:p:2026-12');
    expect(event.data).toEqual({ subsidy, usageIds: ['u-1'] });
    expect(subsidySettledEventData.parse(event.data)).toEqual(event.data);
  });
});

describe('subsidyPolicySetEvent', () => {
  it('when a policy version is set, then the event is keyed by its period, id subsidy-policy:<version>', () => {
    const policy: SubsidyPolicyView = {
      period: '2027-01',
      currency: 'CNY',
      perHour: { lab: 1000, equipment: 2000, classroom: 500 },
      consumerMultiplier: { university: 1, enterprise: 1.25, training_body: 1, government: 0.5, other: 1 },
      capPerProvider: 100000,
      version: 3,
      createdAt: new Date(NOW).toISOString(),
    };
    const { topic, event } = subsidyPolicySetEvent(policy, context);
    expect(topic).toBe(topics.billing);
    expect(event).toEqual(envelope(subsidyEventTypes.policySet, '2027-01'));
    expect(event.id).toBe('subsidy-policy:3');
    expect(event.data).toEqual({ policy });
    expect(subsidyPolicySetEventData.parse(event.data)).toEqual(event.data);
  });
});

describe('creditGrantEvent', () => {
  const grant: CreditGrantView = {
    id: 'g-1',
    orgId: 'c',
    fundingSource: 'zone-fund',
    amount: 5000,
    currency: 'CNY',
    balance: 5000,
    applied: 0,
    expiresAt: '2027-06-30T16:00:00.000Z',
    coversPercent: 100,
    resourceKinds: [],
    status: 'active',
    createdAt: new Date(NOW).toISOString(),
  };

  it.each(Object.keys(creditEventTypes) as (keyof typeof creditEventTypes)[])(
    'when a grant is %s, then the event has that type, is keyed by the org, id credit-<fact>:<grant>',
    (fact) => {
      const { topic, event } = creditGrantEvent(fact, grant, context);
      expect(topic).toBe(topics.billing);
      expect(event).toEqual(envelope(creditEventTypes[fact], 'c'));
      expect(event.id).toBe(`credit-${fact}:g-1`);
      expect(event.data).toEqual({ grant });
      expect(creditGrantEventData.parse(event.data)).toEqual(event.data);
    },
  );
});
