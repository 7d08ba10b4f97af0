import type { laybyMutations } from '../../shared/contract/sync/layby-mutations';
import type { Appliers } from '../sync/appliers';
import { fromApply } from './context';
import { cancelLayby } from './operations/cancel';
import { createLayby } from './operations/create';
import { setHold } from './operations/hold';
import { recordPayment } from './operations/pay';
import { releaseLayby } from './operations/release';

// How the server applies the layby area's mutations (shared/contract/sync/layby-mutations.ts).
// Each is a thin call into ./operations, which the head-office REST routes call too: one
// place for the rules whichever way a layby changes.

type LaybyMutationName = keyof typeof laybyMutations;

export const laybyAppliers: Pick<Appliers, LaybyMutationName> = {
  'layby.create': (tx, payload, context) => createLayby(tx, payload, fromApply(context)),
  'layby.pay': (tx, payload, context) => recordPayment(tx, payload, fromApply(context)),
  'layby.cancel': (tx, payload, context) => cancelLayby(tx, payload, fromApply(context)),
  'layby.release': (tx, payload, context) => releaseLayby(tx, payload, fromApply(context)),
  'layby.hold': (tx, payload, context) => setHold(tx, payload, 'hold', fromApply(context)),
  'layby.resume': (tx, payload, context) => setHold(tx, payload, 'resume', fromApply(context)),
};
