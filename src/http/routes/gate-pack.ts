import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getGatePack } from '../../app/gates/gate-pack.js';
import { ProblemSchema } from '../../contract/common.js';
import { GatePackQuerySchema, GateParamsSchema } from '../../contract/gate.js';
import { gatePackFileName } from '../../domain/gates/gate-pack.js';
import { renderGatePack } from '../../pdf/on-demand.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';
import { sendPdf } from '../send-pdf.js';

const refusals = { 401: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** A gate's checklist pack as a PDF (its JSON: getGate in contract/operations/gates.ts). */
export const gatePackRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/gates/:gateKey/pack.pdf',
      {
        schema: {
          tags: ['gates'],
          summary: "The gate's checklist pack as a PDF: each item with its evidence, state, and who accepted or rejected it when",
          description:
            'application/pdf, as an attachment named PROGRAM-GATE-pack.pdf; drawn in-process with its fonts embedded (Chinese and Vietnamese names print). Everyone who sees the program may download it.',
          params: GateParamsSchema,
          querystring: GatePackQuerySchema,
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getGatePack(deps.app, { ...req.params, timeZone: req.query.timeZone, actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        return sendPdf(res, await renderGatePack(r.value), gatePackFileName(r.value.program.code, r.value.gate.key));
      },
    );
  };
