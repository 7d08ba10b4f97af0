import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts';
import { crudRoutes } from './crud';
import type { CustomerRouteDeps } from './deps';
import { historyRoutes } from './history';
import { linkRoutes } from './links';
import { mergeRoutes } from './merge';
import { searchRoutes } from './search';
import { showRoute } from './show';

export type { CustomerRouteDeps } from './deps';

/** The head-office customer API (the plan's appendix, "Customer Management"). */
export function customerRoutes(app: FastifyInstance, deps: CustomerRouteDeps): void {
  searchRoutes(app, deps);
  mergeRoutes(app, deps);
  crudRoutes(app, deps);
  showRoute(app, deps);
  linkRoutes(app, deps);
  accountRoutes(app, deps);
  historyRoutes(app, deps);
}
