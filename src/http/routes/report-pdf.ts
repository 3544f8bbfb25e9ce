import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getIssuedReport } from '../../app/reports/issued-reports.js';
import { reportPdfName } from '../../app/reports/mail-issued-report.js';
import { ProblemSchema } from '../../contract/common.js';
import { IssuedReportParamsSchema } from '../../contract/report.js';
import { renderIssuedReportPdf } from '../../pdf/on-demand.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';
import { sendPdf } from '../send-pdf.js';

const refusals = { 401: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** An issued report's PDF (its Markdown and JSON: exportIssuedReport in contract/operations/reports.ts). */
export const reportPdfRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/reports/:week/revisions/:revision/report.pdf',
      {
        schema: {
          tags: ['reports'],
          summary: 'An issued revision as a PDF, drawn from its snapshot alone: the same bytes whenever asked',
          description:
            'application/pdf, as an attachment named PROGRAM-WEEK.pdf (PROGRAM-WEEK-rN.pdf for a correction): the report under its five headings, then how it was issued. Everyone who may read the program may download it.',
          params: IssuedReportParamsSchema,
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getIssuedReport(deps.app, { ...req.params, actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        const { report, issue, programCode, week, revision } = r.value;
        const pdf = await renderIssuedReportPdf(report, issue);
        return sendPdf(res, pdf, reportPdfName(programCode, week, revision));
      },
    );
  };
