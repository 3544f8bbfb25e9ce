import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { completeMilestone } from '../../app/complete-milestone.js';
import { createMilestone } from '../../app/create-milestone.js';
import { listMilestones } from '../../app/list-milestones.js';
import { moveMilestone } from '../../app/move-milestone.js';
import { updateMilestone } from '../../app/update-milestone.js';
import { ProblemSchema } from '../../contract/common.js';
import {
  CompleteMilestoneSchema,
  CreateMilestoneSchema,
  MilestoneListSchema,
  MilestoneParamsSchema,
  MilestoneSchema,
  MoveMilestoneSchema,
  UpdateMilestoneSchema,
} from '../../contract/milestone.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { milestoneJson, savedMilestoneJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';
import { warned } from '../warnings.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export const milestoneRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/milestones',
      {
        schema: {
          tags: ['milestones'],
          summary: "A program's milestones in plan order, with health and variance",
          params: ProgramParamsSchema,
          response: { 200: MilestoneListSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listMilestones(deps.app, { ...req.params, actor: actorOf(req) }), (items) => ({
          items: items.map(milestoneJson),
        })),
    );

    app.post(
      '/programs/:programId/milestones',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Add a milestone (its key, M-n, is assigned)',
          params: ProgramParamsSchema,
          body: CreateMilestoneSchema,
          response: { 201: MilestoneSchema, ...refusals },
        },
      },
      async (req, res) => {
        const b = req.body;
        const r = await createMilestone(deps.app, {
          programId: req.params.programId,
          actor: actorOf(req),
          name: b.name,
          phase: b.phase,
          ownerId: b.ownerId,
          baselineDate: b.baselineDate as PlainDate,
          forecastDate: b.forecastDate as PlainDate | undefined,
          isCritical: b.isCritical,
          reason: b.reason,
        });
        return reply(
          res,
          r,
          warned(r, milestoneJson, (v) => v.today, { forecastDate: req.body.forecastDate ?? req.body.baselineDate }),
          201,
        );
      },
    );

    app.patch(
      '/programs/:programId/milestones/:milestoneId',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Edit name, phase, owner, critical flag or baseline date (a baseline change needs a reason)',
          params: MilestoneParamsSchema,
          body: UpdateMilestoneSchema,
          response: { 200: MilestoneSchema, ...refusals },
        },
      },
      async (req, res) => {
        const { version, reason, ...patch } = req.body;
        const r = await updateMilestone(deps.app, {
          ...req.params,
          version,
          actor: actorOf(req),
          reason,
          patch: {
            ...patch,
            ownerId: patch.ownerId as UserId | null | undefined,
            baselineDate: patch.baselineDate as PlainDate | undefined,
          },
        });
        return reply(res, r, milestoneJson);
      },
    );

    app.post(
      '/programs/:programId/milestones/:milestoneId/move',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Move the forecast date, with a reason; successors it pushes later move with it (see move-preview)',
          params: MilestoneParamsSchema,
          body: MoveMilestoneSchema,
          response: { 200: MilestoneSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await moveMilestone(deps.app, {
          ...req.params,
          version: req.body.version,
          actor: actorOf(req),
          forecastDate: req.body.forecastDate as PlainDate,
          reason: req.body.reason,
          pushedVersions: req.body.pushedVersions,
        });
        return reply(
          res,
          r,
          warned(r, savedMilestoneJson, (v) => v.today, { forecastDate: req.body.forecastDate }),
        );
      },
    );

    app.post(
      '/programs/:programId/milestones/:milestoneId/complete',
      {
        schema: {
          tags: ['milestones'],
          summary: 'Mark the milestone done on its actual date; done late, it re-forecasts its successors',
          params: MilestoneParamsSchema,
          body: CompleteMilestoneSchema,
          response: { 200: MilestoneSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await completeMilestone(deps.app, {
          ...req.params,
          version: req.body.version,
          actor: actorOf(req),
          actualDate: req.body.actualDate as PlainDate,
          reason: req.body.reason,
        });
        return reply(res, r, savedMilestoneJson);
      },
    );
  };
