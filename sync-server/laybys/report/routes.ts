import type { FastifyInstance } from 'fastify';
import { shopDate } from '../../../shared/domain/layby/dates';
import { apiRoute } from '../../openapi/api-route';
import { loadDivisions } from '../../customers/divisions';
import { laybyJobRoutes, type LaybyJobRouteDeps } from '../daily-job/routes';
import { divisionScope } from '../daily-job/scope';
import { LaybyReport, LaybyReportQuery, laybyReport } from './report';

export function laybyReportRoutes(
  app: FastifyInstance,
  { db, clock, docs }: LaybyJobRouteDeps,
): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/reports/laybys',
      summary: 'Layby status report',
      description:
        'Counts and money (goods total, paid, balance, fees) by division, status and currency, and the ageing of overdue laybys (ACTIVE and DEFAULTED) by days past their next due date. A division manager sees their own division; head office all, or one with ?division.',
      tags: ['Reports'],
      // The roles that run a division: division managers and head office.
      permission: 'layby.report',
      query: LaybyReportQuery,
      responses: {
        200: { description: 'The report', schema: LaybyReport },
        403: { description: "Another division's report" },
      },
    },
    async ({ query, staff }) => {
      const divisions = await loadDivisions(db);
      const businessId = divisionScope(staff, query.division, divisions);
      const division = businessId ? (divisions.byId.get(businessId)?.code ?? null) : null;
      return laybyReport(db, { businessId, division }, shopDate(clock()));
    },
  );
}

/** The layby back-office routes: the daily job's, the defaulted list and the report. */
export function laybyOfficeRoutes(app: FastifyInstance, deps: LaybyJobRouteDeps): void {
  laybyJobRoutes(app, deps);
  laybyReportRoutes(app, deps);
}
