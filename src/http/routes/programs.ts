import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProgram } from '../../app/get-program.js';
import { listPrograms } from '../../app/list-programs.js';
import { ProblemSchema } from '../../contract/common.js';
import { ProgramListSchema, ProgramParamsSchema, ProgramSummarySchema } from '../../contract/program.js';
import { programJson } from '../../present/api-json.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

export const programRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs',
      {
        schema: {
          tags: ['programs'],
          summary: 'The portfolio: every program with health, next milestone and owner',
          response: { 200: ProgramListSchema },
        },
      },
      async () => ({ items: (await listPrograms(deps.app)).map(programJson) }),
    );

    app.get(
      '/programs/:programId',
      {
        schema: {
          tags: ['programs'],
          summary: 'One program with its health',
          params: ProgramParamsSchema,
          response: { 200: ProgramSummarySchema, 404: ProblemSchema },
        },
      },
      async (req, res) => reply(res, await getProgram(deps.app, { programId: req.params.programId }), programJson),
    );
  };
