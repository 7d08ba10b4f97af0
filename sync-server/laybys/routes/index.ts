import type { FastifyInstance } from 'fastify';
import type { LaybyRouteDeps } from './deps';
import { laybyRecordRoutes } from './laybys';
import { laybyMoneyRoutes } from './money';
import { laybyRulesRoutes } from './rules';

export type { LaybyRouteDeps } from './deps';

/** The head-office layby API (the plan's appendix, "Layby Management") and each division's rules. */
export function laybyRoutes(app: FastifyInstance, deps: LaybyRouteDeps): void {
  laybyRecordRoutes(app, deps);
  laybyMoneyRoutes(app, deps);
  laybyRulesRoutes(app, deps);
}
