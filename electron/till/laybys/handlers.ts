import type { TillHandle } from '../../../db/till/connect';
import type { laybyMethods } from '../../../shared/contract/till/layby-methods';
import type { Handlers } from '../dispatch';
import { searchCatalogue } from '../catalogue/search';
import { actorOf, readScope } from '../customers/scope';
import { cancelLayby, cancellationQuote } from './cancel';
import { createLayby } from './create';
import { listLaybys } from './list';
import { takePayment } from './pay';
import { quote } from './quote';
import { readLaybyRules } from './rules';
import { holdOrResume, releaseLayby } from './status';
import { loadLayby, toDetail } from './views';

type LaybyMethod = keyof typeof laybyMethods;

// The layby area of the till API: who and where, then one service call. Permissions were
// checked by the dispatcher; finer ones (supervisor release, approvals) inside the services.
export function laybyHandlers({ db }: Pick<TillHandle, 'db'>): Pick<Handlers, LaybyMethod> {
  return {
    'laybys:rules': () => readLaybyRules(db, readScope(db)),
    'laybys:quote': (input, { now }) => quote(db, readScope(db), input, now),
    'laybys:create': (input, { session, now }) => createLayby(db, input, actorOf(db, session, now)),
    'laybys:list': (input, { now }) => listLaybys(db, readScope(db), input, now),
    'laybys:get': ({ id }, { now }) => {
      const scope = readScope(db);
      return toDetail(db, scope, loadLayby(db, scope, id), now);
    },
    'laybys:pay': (input, { session, now }) => takePayment(db, input, actorOf(db, session, now)),
    'laybys:release': (input, { session, now }) =>
      releaseLayby(db, input, actorOf(db, session, now)),
    'laybys:cancelQuote': (input, { session, now }) =>
      cancellationQuote(db, input, actorOf(db, session, now)),
    'laybys:cancel': (input, { session, now }) => cancelLayby(db, input, actorOf(db, session, now)),
    'laybys:hold': (input, { session, now }) =>
      holdOrResume(db, input, 'hold', actorOf(db, session, now)),
    'laybys:resume': (input, { session, now }) =>
      holdOrResume(db, input, 'resume', actorOf(db, session, now)),
    'catalogue:search': ({ query }) => ({
      products: searchCatalogue(db, readScope(db).businessId, query),
    }),
  };
}
