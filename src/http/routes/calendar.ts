import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProgramCalendar } from '../../app/calendar/get-program-calendar.js';
import { updateProgramCalendar } from '../../app/calendar/update-program-calendar.js';
import { uploadOfficialSchedule } from '../../app/calendar/upload-official-schedule.js';
import {
  OfficialScheduleUploadSchema,
  ProgramCalendarQuerySchema,
  ProgramCalendarSchema,
  UpdateProgramCalendarSchema,
} from '../../contract/calendar.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Saved = z.object({ version: z.number().int() });

/** A program's business calendar: working days, shutdowns, official holiday schedules. */
export const calendarRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/calendar',
      {
        schema: {
          tags: ['calendar'],
          summary: "The program's calendar spec and one year of it, day by day (provisional days marked)",
          params: ProgramParamsSchema,
          querystring: ProgramCalendarQuerySchema,
          response: { 200: ProgramCalendarSchema, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await getProgramCalendar(deps.app, { ...req.params, year: req.query.year, actor: actorOf(req) }), (v) => v),
    );

    app.put(
      '/programs/:programId/calendar',
      {
        schema: {
          tags: ['calendar'],
          summary: "Replace the program's calendar (cadence owner), with a reason",
          params: ProgramParamsSchema,
          body: UpdateProgramCalendarSchema,
          response: { 200: Saved, ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await updateProgramCalendar(deps.app, {
            ...req.params,
            actor: actorOf(req),
            version: req.body.version,
            spec: req.body.spec as CalendarSpec,
            reason: req.body.reason,
          }),
          (v) => v,
        ),
    );

    app.post(
      '/programs/:programId/calendar/official-schedules',
      {
        schema: {
          tags: ['calendar'],
          summary: "Load a government's official holiday schedule for one year into the program's calendar",
          params: ProgramParamsSchema,
          body: OfficialScheduleUploadSchema,
          response: { 201: Saved.extend({ country: z.string(), year: z.number().int() }), ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await uploadOfficialSchedule(deps.app, {
            ...req.params,
            actor: actorOf(req),
            text: typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
          }),
          (v) => v,
          201,
        ),
    );
  };
