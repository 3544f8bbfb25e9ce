import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPortfolioWeek, portfolioFileName } from '../../app/reports/portfolio-week.js';
import { ProblemSchema } from '../../contract/common.js';
import { PortfolioWeekParamsSchema } from '../../contract/portfolio-week.js';
import { renderLeadershipPdf } from '../../pdf/on-demand.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';
import { sendPdf } from '../send-pdf.js';

/** The leadership view's PDF (its JSON and Markdown: contract/operations/portfolio.ts). */
export const portfolioPdfRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/portfolio/weeks/:week/report.pdf',
      {
        schema: {
          tags: ['reports'],
          summary: 'The leadership view of an ISO week as a PDF: the programs the reader sees, attention first',
          description:
            "application/pdf, as an attachment named portfolio-WEEK.pdf. Each program's week is read in its own time zone, from its latest issued revision of the week, else its draft as of now.",
          params: PortfolioWeekParamsSchema,
          response: { 401: ProblemSchema, 422: ProblemSchema },
        },
      },
      async (req, res) => {
        const r = await getPortfolioWeek(deps.app, { ...req.params, actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        const pdf = await renderLeadershipPdf(r.value.view, r.value.asOf);
        return sendPdf(res, pdf, portfolioFileName(r.value.week.label, 'pdf'));
      },
    );
  };
