import * as rules from '../booking-transitions';
import { assertConsumer, assertMayCancel, assertProviderAdmin } from './access-rules';
import type { Transition } from './transition-booking';

/** The moves a caller can make on a booking through the API, each with who may make it. */
export const bookingActions = {
  confirm: {
    event: 'confirmed',
    authorize: assertConsumer,
    apply: (booking, resource, now) => rules.confirm(booking, resource, now),
  },
  approve: {
    event: 'approved',
    authorize: assertProviderAdmin,
    apply: (booking, _resource, now) => rules.approve(booking, now),
  },
  reject: (reason: string): Transition => ({
    event: 'rejected',
    authorize: assertProviderAdmin,
    apply: (booking, _resource, now) => rules.reject(booking, reason, now),
  }),
  cancel: (reason: string | undefined): Transition => ({
    event: 'cancelled',
    authorize: assertMayCancel,
    apply: (booking, resource, now) => rules.cancel(booking, resource, reason, now),
  }),
} satisfies Record<string, Transition | ((reason: string) => Transition)>;
