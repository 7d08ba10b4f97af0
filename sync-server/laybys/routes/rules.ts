import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/contract/result';
import { LaybyRules } from '../../../shared/domain/layby/rules';
import { isCurrency } from '../../../shared/money/money';
import { apiRoute } from '../../openapi/api-route';
import { loadDivisions, type DivisionRef } from '../../customers/divisions';
import { withStampedWrites } from '../../sync/change-sequence';
import type { StaffPrincipal } from '../../auth/principal';
import { audit } from '../context';
import { DivisionCodeParams, LaybyRulesView } from '../contract';
import { divisionRules, saveDivisionRules } from '../rules-store';
import { TAG, type LaybyRouteDeps } from './deps';

// Each division's layby rules as configuration: read by anyone signed in, changed by head
// office or the division's own manager. Saved rules sync to the division's tills; laybys
// already open keep the rules they were signed under.

const view = (division: DivisionRef, rules: LaybyRules, custom: boolean): LaybyRulesView => ({
  divisionCode: division.code,
  currency: isCurrency(division.currency) ? division.currency : 'USD',
  rules,
  custom,
});

export function laybyRulesRoutes(app: FastifyInstance, { db, clock, docs }: LaybyRouteDeps): void {
  const divisionOf = async (code: string) => {
    const division = (await loadDivisions(db)).byCode.get(code as DivisionRef['code']);
    if (!division) throw new AppError('NOT_FOUND', `No division ${code}.`, 'code');
    return division;
  };

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/divisions/:code/layby-rules',
      summary: "A division's layby rules",
      description: 'The saved rules, or the defaults with `custom: false` when none were saved.',
      tags: [TAG],
      permission: 'customer.read',
      params: DivisionCodeParams,
      responses: {
        200: { description: 'The rules', schema: LaybyRulesView },
        404: { description: 'No such division' },
      },
    },
    async ({ params }) => {
      const division = await divisionOf(params.code);
      const { rules, custom } = await divisionRules(db, division);
      return view(division, rules, custom);
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'PUT',
      url: '/api/divisions/:code/layby-rules',
      summary: "Change a division's layby rules",
      description:
        "The whole rule set (GET it, change it, PUT it back). Division managers may change their own division's only. Open laybys keep the rules they were signed under.",
      tags: [TAG],
      permission: 'settings.division',
      params: DivisionCodeParams,
      body: LaybyRules,
      responses: {
        200: { description: 'The rules as saved', schema: LaybyRulesView },
        404: { description: 'No such division' },
      },
    },
    async ({ params, body, staff }) => {
      const division = await divisionOf(params.code);
      assertMayConfigure(staff, division);
      await withStampedWrites(db, async (tx) => {
        const before = await divisionRules(tx, division);
        await saveDivisionRules(tx, division.id, body, staff.userId);
        await audit(
          tx,
          { tillId: null, businessId: division.id, mutationId: null, now: clock() },
          {
            entityType: 'layby_rules',
            entityId: division.id,
            action: 'laybyRules.update',
            actorUserId: staff.userId,
            before: before.rules,
            after: body,
          },
        );
      });
      return view(division, body, true);
    },
  );
}

function assertMayConfigure(staff: StaffPrincipal, division: DivisionRef): void {
  if (staff.businessId !== null && staff.businessId !== division.id)
    throw new AppError(
      'FORBIDDEN',
      `You may change the rules of your own division only, not ${division.code}.`,
    );
}
