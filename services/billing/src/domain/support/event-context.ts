import type { BillingDeps } from '../ports';
import type { EventContext } from '../rules/billing-events';

/** The context events of a decision made now are raised in. */
export function eventContext(deps: BillingDeps): EventContext {
  return { now: deps.clock().getTime(), correlationId: deps.correlationId() };
}
