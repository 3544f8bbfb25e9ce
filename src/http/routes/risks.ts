import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeRisk } from '../../app/risks/close-risk.js';
import { getRisk } from '../../app/risks/get-risk.js';
import { listRisks } from '../../app/risks/list-risks.js';
import { raiseRisk } from '../../app/risks/raise-risk.js';
import { realizeRisk } from '../../app/risks/realize-risk.js';
import { riskChanges } from '../../app/risks/risk-changes.js';
import type { RiskView } from '../../app/risks/risk-views.js';
import { updateRisk } from '../../app/risks/update-risk.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import {
  EndRiskSchema,
  RaiseRiskSchema,
  RealizedRiskSchema,
  RealizeRiskSchema,
  RiskChangesQuerySchema,
  RiskChangesSchema,
  RiskDetailSchema,
  RiskParamsSchema,
  RiskRegisterSchema,
  RiskSchema,
  UpdateRiskSchema,
} from '../../contract/risk.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { realizedRiskJson, riskChangeJson, riskDetailJson, riskJson, riskRegisterJson } from '../../present/risks-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply, sendProblem } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const reads = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema };

export const riskRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/risks',
      {
        schema: {
          tags: ['risks'],
          summary: "A program's risk register: live risks by score, then closed and realized ones, with 5×5 heat maps",
          description:
            'The heat maps place the live (open and mitigating) risks by current score and by residual score (current where no residual is set).',
          params: ProgramParamsSchema,
          response: { 200: RiskRegisterSchema, ...reads },
        },
      },
      async (req, res) => reply(res, await listRisks(deps.app, { ...req.params, actor: actorOf(req) }), riskRegisterJson),
    );

    app.post(
      '/programs/:programId/risks',
      {
        schema: {
          tags: ['risks'],
          summary: 'Raise a risk (its key, R-n, is assigned); it needs an owner on the program',
          params: ProgramParamsSchema,
          body: RaiseRiskSchema,
          response: { 201: RiskSchema, ...refusals },
        },
      },
      async (req, res) => {
        const b = req.body;
        const r = await raiseRisk(deps.app, {
          ...req.params,
          actor: actorOf(req),
          ...b,
          reviewDate: b.reviewDate as PlainDate | null | undefined,
        });
        return reply(res, r, riskJson, 201);
      },
    );

    app.get(
      '/programs/:programId/risks/:riskId',
      {
        schema: {
          tags: ['risks'],
          summary: 'One risk with its linked actions and score history (from the change log, oldest first)',
          params: RiskParamsSchema,
          response: { 200: RiskDetailSchema, ...reads },
        },
      },
      async (req, res) => reply(res, await getRisk(deps.app, { ...req.params, actor: actorOf(req) }), riskDetailJson),
    );

    app.patch(
      '/programs/:programId/risks/:riskId',
      {
        schema: {
          tags: ['risks'],
          summary: 'Update an open risk (re-score, re-plan, hand over), with a reason',
          params: RiskParamsSchema,
          body: UpdateRiskSchema,
          response: { 200: RiskSchema, ...refusals },
        },
      },
      async (req, res) => {
        const { version, reason, ...patch } = req.body;
        const r = await updateRisk(deps.app, {
          ...req.params,
          version,
          actor: actorOf(req),
          reason,
          patch: {
            ...patch,
            ownerId: patch.ownerId as UserId | null | undefined,
            reviewDate: patch.reviewDate as PlainDate | null | undefined,
          },
        });
        return reply(res, r, riskJson);
      },
    );

    app.post(
      '/programs/:programId/risks/:riskId/close',
      {
        schema: {
          tags: ['risks'],
          summary: 'Close an open risk that can no longer happen, with a reason',
          params: RiskParamsSchema,
          body: EndRiskSchema,
          response: { 200: RiskSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await closeRisk(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), riskJson),
    );

    app.post(
      '/programs/:programId/risks/:riskId/realize',
      {
        schema: {
          tags: ['risks'],
          summary: 'Mark an open risk realized (it happened); opens an action linked to it in the same step',
          params: RiskParamsSchema,
          body: RealizeRiskSchema,
          response: { 200: RealizedRiskSchema, ...refusals },
        },
      },
      async (req, res) => {
        const { version, reason, action } = req.body;
        const r = await realizeRisk(deps.app, {
          ...req.params,
          version,
          reason,
          actor: actorOf(req),
          action: { ...action, dueDate: action.dueDate as PlainDate | null | undefined },
        });
        // A refusal's current state is the risk (as after any other risk write), not the pair.
        if (!r.ok) return sendProblem(res, r.error, r.error.current === undefined ? undefined : riskJson(r.error.current as RiskView));
        return reply(res, r, realizedRiskJson);
      },
    );

    app.get(
      '/programs/:programId/risk-changes',
      {
        schema: {
          tags: ['risks'],
          summary: "What happened to the program's risks between two days: raised, re-scored, closed, realized",
          description: 'since and until are days in the program time zone, both inclusive. Read from the change log, oldest first.',
          params: ProgramParamsSchema,
          querystring: RiskChangesQuerySchema,
          response: { 200: RiskChangesSchema, ...reads },
        },
      },
      async (req, res) =>
        reply(
          res,
          await riskChanges(deps.app, {
            ...req.params,
            actor: actorOf(req),
            since: req.query.since as PlainDate,
            until: req.query.until as PlainDate,
          }),
          (items) => ({ items: items.map(riskChangeJson) }),
        ),
    );
  };
