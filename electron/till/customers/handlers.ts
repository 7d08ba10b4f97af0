import type { TillHandle } from '../../../db/till/connect';
import type { customerMethods } from '../../../shared/contract/till/customer-methods';
import type { Handlers } from '../dispatch';
import { openAccount, setAccountStatus } from './accounts';
import { checkDuplicates } from './check-duplicates';
import { createCustomer } from './create';
import { statementCache } from './hit-sql';
import { addNote } from './notes';
import { getProfile } from './profile';
import { actorOf, readScope } from './scope';
import { searchCustomers } from './search';
import { linkCustomer, setBlacklist, setCustomerActive } from './status';
import { updateCustomer } from './update';

type CustomerMethod = keyof typeof customerMethods;

// The customer area of the till API. The dispatcher has parsed the input and checked the
// method's permission; these are glue: who and where, then one service call.
export function customerHandlers({
  db,
  sqlite,
}: Pick<TillHandle, 'db' | 'sqlite'>): Pick<Handlers, CustomerMethod> {
  // Lookup runs on every keystroke, so it uses prepared statements on the raw connection.
  const statements = statementCache(sqlite);
  return {
    'customers:search': ({ query }) => searchCustomers(statements, query, readScope(db).businessId),
    'customers:checkDuplicates': (input) => ({
      matches: checkDuplicates(statements, input, readScope(db).businessId),
    }),
    'customers:create': (input, { session, now }) =>
      createCustomer(db, input, actorOf(db, session, now)),
    'customers:update': (input, { session, now }) =>
      updateCustomer(db, input, actorOf(db, session, now)),
    'customers:get': ({ id }, { session, now }) => getProfile(db, id, actorOf(db, session, now)),
    'customers:setBlacklist': (input, { session, now }) =>
      setBlacklist(db, input, actorOf(db, session, now)),
    'customers:deactivate': (input, { session, now }) =>
      setCustomerActive(db, input, false, actorOf(db, session, now)),
    'customers:reactivate': (input, { session, now }) =>
      setCustomerActive(db, input, true, actorOf(db, session, now)),
    'customers:link': (input, { session, now }) =>
      linkCustomer(db, input, actorOf(db, session, now)),
    'accounts:open': (input, { session, now }) => openAccount(db, input, actorOf(db, session, now)),
    'accounts:setStatus': (input, { session, now }) =>
      setAccountStatus(db, input, actorOf(db, session, now)),
    'notes:add': (input, { session, now }) => addNote(db, input, actorOf(db, session, now)),
  };
}
