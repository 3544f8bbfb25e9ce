import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideDecision } from '../../app/decisions/decide-decision.js';
import { decisionQueue } from '../../app/decisions/decision-queue.js';
import type { DecisionView } from '../../app/decisions/decision-view.js';
import { editDecision } from '../../app/decisions/edit-decision.js';
import { getDecision } from '../../app/decisions/get-decision.js';
import { listDecisions } from '../../app/decisions/list-decisions.js';
import { requestDecision } from '../../app/decisions/request-decision.js';
import { supersedeDecision } from '../../app/decisions/supersede-decision.js';
import { ProblemSchema } from '../../contract/common.js';
import {
  DecideSchema,
  DecisionListSchema,
  DecisionParamsSchema,
  DecisionQueueQuerySchema,
  DecisionSchema,
  EditDecisionSchema,
  RequestDecisionSchema,
  SupersededSchema,
  SupersedeSchema,
} from '../../contract/decision.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { decisionJson, supersessionJson } from '../../present/decisions-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply, sendProblem } from '../problem.js';
import { todayOf, warned } from '../warnings.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['decisions'];

export const decisionRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/decisions',
      {
        schema: {
          tags,
          summary: "The program's decision log: every decision, open, decided or superseded, by key",
          params: ProgramParamsSchema,
          response: { 200: DecisionListSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listDecisions(deps.app, { programId: req.params.programId, actor: actorOf(req) }), (items) => ({
          items: items.map(decisionJson),
        })),
    );

    app.post(
      '/programs/:programId/decisions',
      {
        schema: {
          tags,
          summary: 'Ask for a decision (its key, D-n, is assigned): statement, owner, due date, links',
          description:
            'The owner must hold a role on the program that decides (decision owner, cadence owner or quality owner); without one the request is refused with OWNER_REQUIRED. Links name records of the same program by id or key.',
          params: ProgramParamsSchema,
          body: RequestDecisionSchema,
          response: { 201: DecisionSchema, ...refusals },
        },
      },
      async (req, res) => {
        const b = req.body;
        const r = await requestDecision(deps.app, {
          programId: req.params.programId,
          actor: actorOf(req),
          statement: b.statement,
          context: b.context,
          options: b.options,
          ownerId: b.ownerId,
          dueDate: b.dueDate as PlainDate | null | undefined,
          links: b.links,
        });
        return reply(res, r, warned(r, decisionJson, todayOf(deps.app.clock.now()), { dueDate: req.body.dueDate }), 201);
      },
    );

    app.get(
      '/programs/:programId/decisions/:decisionId',
      {
        schema: {
          tags,
          summary: 'One decision, with the decision it supersedes or is superseded by, and its links',
          params: DecisionParamsSchema,
          response: { 200: DecisionSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) => reply(res, await getDecision(deps.app, { ...req.params, actor: actorOf(req) }), decisionJson),
    );

    app.patch(
      '/programs/:programId/decisions/:decisionId',
      {
        schema: {
          tags,
          summary: 'Reword, re-assign or re-date an open decision (a decided one is never edited: 409 DECISION_CLOSED)',
          params: DecisionParamsSchema,
          body: EditDecisionSchema,
          response: { 200: DecisionSchema, ...refusals },
        },
      },
      async (req, res) => {
        const { version, ...patch } = req.body;
        const r = await editDecision(deps.app, {
          ...req.params,
          version,
          actor: actorOf(req),
          patch: { ...patch, dueDate: patch.dueDate as PlainDate | null | undefined },
        });
        return reply(res, r, warned(r, decisionJson, todayOf(deps.app.clock.now()), { dueDate: req.body.dueDate }));
      },
    );

    app.post(
      '/programs/:programId/decisions/:decisionId/decide',
      {
        schema: {
          tags,
          summary: 'Decide it (its owner only): outcome, rationale and expected impact; it never changes afterwards',
          params: DecisionParamsSchema,
          body: DecideSchema,
          response: { 200: DecisionSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await decideDecision(deps.app, { ...req.params, actor: actorOf(req), ...req.body });
        return reply(res, r, decisionJson);
      },
    );

    app.post(
      '/programs/:programId/decisions/:decisionId/supersede',
      {
        schema: {
          tags,
          summary: 'Change course: a new decision, decided by the owner with a reason, supersedes this decided one',
          params: DecisionParamsSchema,
          body: SupersedeSchema,
          response: { 201: SupersededSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await supersedeDecision(deps.app, { ...req.params, actor: actorOf(req), ...req.body });
        // A VERSION_CONFLICT carries the decision asked about as it is now, not a supersession.
        if (!r.ok) {
          const current = r.error.current as DecisionView | undefined;
          return sendProblem(res, r.error, current ? decisionJson(current) : undefined);
        }
        return res.code(201).send(supersessionJson(r.value));
      },
    );

    app.get(
      '/decision-queue',
      {
        schema: {
          tags,
          summary: 'Open decisions across every program you see: overdue first, then by due date, undated last',
          description: 'ownerId filters to one owner: "me", a person id or an e-mail address. Each item flags what it lacks (no_due_date).',
          querystring: DecisionQueueQuerySchema,
          response: { 200: DecisionListSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => ({ items: (await decisionQueue(deps.app, { actor: actorOf(req), ownerId: req.query.ownerId })).map(decisionJson) }),
    );
  };
