import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uploadOfficialSchedule } from '../../app/calendar/upload-official-schedule.js';
import { OfficialScheduleLoadedSchema, OfficialScheduleUploadSchema } from '../../contract/calendar.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** Loading an official holiday schedule file into a program's calendar (the rest of the calendar: contract/operations/calendar.ts). */
export const calendarRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/programs/:programId/calendar/official-schedules',
      {
        schema: {
          tags: ['calendar'],
          summary: "Load a government's official holiday schedule for one year into the program's calendar",
          params: ProgramParamsSchema,
          body: OfficialScheduleUploadSchema,
          response: { 201: OfficialScheduleLoadedSchema, ...refusals },
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
