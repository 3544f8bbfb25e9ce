import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmAction } from '../../app/actions/confirm-action.js';
import { editAction } from '../../app/actions/edit-action.js';
import { listActions } from '../../app/actions/list-actions.js';
import { markActionDone } from '../../app/actions/mark-action-done.js';
import { openAction } from '../../app/actions/open-action.js';
import { recordEffectiveness } from '../../app/actions/record-effectiveness.js';
import { reopenAction } from '../../app/actions/reopen-action.js';
import {
  ActionListSchema,
  ActionParamsSchema,
  ActionSchema,
  ActionsQuerySchema,
  ConfirmSchema,
  EditActionSchema,
  EffectivenessSchema,
  MarkDoneSchema,
  OpenActionSchema,
  ReopenSchema,
} from '../../contract/action.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { actionJson } from '../../present/actions-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';
import { todayOf, warned } from '../warnings.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const date = (d: string | null | undefined) => d as PlainDate | null | undefined;

export const actionRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/actions',
      {
        schema: {
          tags: ['actions'],
          summary: "A program's actions: open first, then done (waiting for confirmation), then closed; each by due date",
          params: ProgramParamsSchema,
          querystring: ActionsQuerySchema,
          response: { 200: ActionListSchema, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listActions(deps.app, { ...req.params, ...req.query, actor: actorOf(req) }), (items) => ({
          items: items.map(actionJson),
        })),
    );

    app.post(
      '/programs/:programId/actions',
      {
        schema: {
          tags: ['actions'],
          summary: 'Open an action (its key, A-n, is assigned); it needs an owner who holds a role on the program',
          params: ProgramParamsSchema,
          body: OpenActionSchema,
          response: { 201: ActionSchema, ...refusals },
        },
      },
      async (req, res) => {
        const b = req.body;
        const r = await openAction(deps.app, {
          programId: req.params.programId,
          actor: actorOf(req),
          ...b,
          dueDate: date(b.dueDate),
          checkDate: date(b.checkDate),
        });
        return reply(res, r, warned(r, actionJson, todayOf(deps.app.clock.now()), { dueDate: req.body.dueDate }), 201);
      },
    );

    app.patch(
      '/programs/:programId/actions/:actionId',
      {
        schema: {
          tags: ['actions'],
          summary: 'Edit an action that is not closed; moving the due date needs a reason and keeps the original',
          params: ActionParamsSchema,
          body: EditActionSchema,
          response: { 200: ActionSchema, ...refusals },
        },
      },
      async (req, res) => {
        const { version, reason, ...patch } = req.body;
        const r = await editAction(deps.app, {
          ...req.params,
          version,
          reason,
          actor: actorOf(req),
          patch: { ...patch, dueDate: date(patch.dueDate), checkDate: date(patch.checkDate) },
        });
        return reply(res, r, warned(r, actionJson, todayOf(deps.app.clock.now()), { dueDate: req.body.dueDate }));
      },
    );

    app.post(
      '/programs/:programId/actions/:actionId/done',
      {
        schema: {
          tags: ['actions'],
          summary: 'The owner marks the action done, with a note; it then waits for the cadence owner to confirm',
          params: ActionParamsSchema,
          body: MarkDoneSchema,
          response: { 200: ActionSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await markActionDone(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), actionJson),
    );

    app.post(
      '/programs/:programId/actions/:actionId/confirm',
      {
        schema: {
          tags: ['actions'],
          summary: 'The cadence owner confirms the closure of an action marked done',
          params: ActionParamsSchema,
          body: ConfirmSchema,
          response: { 200: ActionSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await confirmAction(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), actionJson),
    );

    app.post(
      '/programs/:programId/actions/:actionId/reopen',
      {
        schema: {
          tags: ['actions'],
          summary: 'The cadence owner sends a done or closed action back to open, with a reason',
          params: ActionParamsSchema,
          body: ReopenSchema,
          response: { 200: ActionSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await reopenAction(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), actionJson),
    );

    app.post(
      '/programs/:programId/actions/:actionId/effectiveness',
      {
        schema: {
          tags: ['actions'],
          summary: "Record a corrective action's effectiveness check: did the fix hold?",
          params: ActionParamsSchema,
          body: EffectivenessSchema,
          response: { 200: ActionSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await recordEffectiveness(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), actionJson),
    );
  };
