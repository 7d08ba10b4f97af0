import {
  LaybyCancelPayload,
  LaybyCreatePayload,
  LaybyHoldPayload,
  LaybyPayPayload,
  LaybyReleasePayload,
} from '../../domain/layby/records';

// The layby area's mutations. Money facts (a payment, a refund) are never rejected by the
// server: one that arrives for a layby cancelled elsewhere is kept and flagged.
export const laybyMutations = {
  /** The agreement: items, plan, fees and schedule, its LAY-CLO number born at the till. The deposit follows as layby.pay. */
  'layby.create': LaybyCreatePayload,
  'layby.pay': LaybyPayPayload,
  /** Supervisor: the cancellation fee, the fees kept and the refund paid out, as shown before confirming. */
  'layby.cancel': LaybyCancelPayload,
  'layby.release': LaybyReleasePayload,
  'layby.hold': LaybyHoldPayload,
  'layby.resume': LaybyHoldPayload,
};
