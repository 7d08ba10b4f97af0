import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentralDb } from '../../../db/central/connect';
import { AppError } from '../../../shared/contract/result';
import { ShopDate, shopDate } from '../../../shared/domain/layby/dates';
import { CURRENCIES } from '../../../shared/money/money';
import { apiRoute, type ApiDocs } from '../../openapi/api-route';
import { loadDivisions } from '../../customers/divisions';
import { DefaultedPage, DefaultedQuery, listDefaulted } from './defaulted';
import { withLateFeeJobLock } from './lock';
import { runLateFeeJob } from './run';
import { divisionScope } from './scope';

export type LaybyJobRouteDeps = { db: CentralDb; clock: () => Date; docs: ApiDocs };

const TAG = 'Laybys';

const RunBody = z.object({
  /** Defaults to today's shop day; an earlier day reruns it (nothing is charged twice). */
  day: ShopDate.optional(),
});

const Cents = z.number().int();
const RunSummary = z.object({
  day: z.string(),
  candidates: z.number().int(),
  laybysChecked: z.number().int(),
  laybysChanged: z.number().int(),
  feesCharged: z.number().int(),
  feesCents: z.object(Object.fromEntries(CURRENCIES.map((c) => [c, Cents.optional()]))),
  defaulted: z.number().int(),
  skipped: z.number().int(),
  skippedIds: z.array(z.string()),
  batches: z.number().int(),
  ms: z.number().int(),
});

export function laybyJobRoutes(app: FastifyInstance, { db, clock, docs }: LaybyJobRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/laybys/jobs/late-fees/run',
      summary: 'Run the daily late-fee job now',
      description:
        'Charges each late fee owed (once per missed instalment, after the grace period), marks DEFAULTED the laybys the rules say are in default and flags them for their division. The servers run it by themselves once a shop day; running it again changes nothing.',
      tags: [TAG],
      permission: 'headoffice.admin',
      body: RunBody,
      responses: {
        200: { description: 'What the run did', schema: RunSummary },
        400: { description: 'The day is in the future' },
        409: { description: 'A run is already in progress' },
      },
    },
    async ({ body }) => {
      const now = clock();
      const day = body.day ?? shopDate(now);
      if (day > shopDate(now))
        throw new AppError('INVALID_INPUT', 'day: must not be after today', 'day');
      const locked = await withLateFeeJobLock(db, () => runLateFeeJob(db, { day, now }));
      if (!locked.acquired)
        throw new AppError('CONFLICT', 'The late-fee job is already running; try again shortly.');
      return locked.value;
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/laybys/defaulted',
      summary: 'Laybys in default',
      description:
        "A division's DEFAULTED laybys, oldest first, with what is owed. Division staff see their own division; head office any (or all without ?division).",
      tags: [TAG],
      permission: 'layby.supervise',
      query: DefaultedQuery,
      responses: {
        200: { description: 'A page of defaulted laybys', schema: DefaultedPage },
        403: { description: "Another division's list" },
      },
    },
    async ({ query, staff }) => {
      const businessId = divisionScope(staff, query.division, await loadDivisions(db));
      return listDefaulted(db, businessId, query);
    },
  );
}
