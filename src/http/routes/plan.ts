import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addMilestoneLink } from '../../app/plan/add-milestone-link.js';
import { listMilestoneLinks } from '../../app/plan/list-milestone-links.js';
import { previewMove } from '../../app/plan/preview-move.js';
import { removeMilestoneLink } from '../../app/plan/remove-milestone-link.js';
import { ProblemSchema, ReasonSchema } from '../../contract/common.js';
import { MilestoneParamsSchema } from '../../contract/milestone.js';
import {
  CreateMilestoneLinkSchema,
  MilestoneLinkListSchema,
  MilestoneLinkParamsSchema,
  MilestoneLinkSchema,
  MovePreviewRequestSchema,
  MovePreviewSchema,
} from '../../contract/plan.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { milestoneLinkJson, movePreviewJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** Dependencies between milestones and what a move would push. */
export const planRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/links',
      {
        schema: {
          tags: ['plan'],
          summary: "The program's finish-to-start dependencies between milestones",
          params: ProgramParamsSchema,
          response: { 200: MilestoneLinkListSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await listMilestoneLinks(deps.app, { ...req.params, actor: actorOf(req) }), (items) => ({
          items: items.map(milestoneLinkJson),
        })),
    );

    app.post(
      '/programs/:programId/links',
      {
        schema: {
          tags: ['plan'],
          summary: 'Make a milestone depend on another (refused when it would close a cycle, which is named)',
          params: ProgramParamsSchema,
          body: CreateMilestoneLinkSchema,
          response: { 201: MilestoneLinkSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await addMilestoneLink(deps.app, { ...req.params, ...req.body, actor: actorOf(req) }), milestoneLinkJson, 201),
    );

    app.delete(
      '/programs/:programId/links/:linkId',
      {
        schema: {
          tags: ['plan'],
          summary: 'Remove a dependency (no date moves)',
          params: MilestoneLinkParamsSchema,
          querystring: z.object({ reason: ReasonSchema.optional().meta({ description: 'Why the dependency goes, for the change log' }) }),
          response: { 200: z.object({ ok: z.literal(true) }), ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await removeMilestoneLink(deps.app, { ...req.params, reason: req.query.reason, actor: actorOf(req) }), () => ({
          ok: true as const,
        })),
    );

    app.post(
      '/programs/:programId/milestones/:milestoneId/move-preview',
      {
        schema: {
          tags: ['plan'],
          summary: 'What moving the forecast would push, without moving anything',
          params: MilestoneParamsSchema,
          body: MovePreviewRequestSchema,
          response: { 200: MovePreviewSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await previewMove(deps.app, { ...req.params, actor: actorOf(req), forecastDate: req.body.forecastDate as PlainDate }),
          movePreviewJson,
        ),
    );
  };
