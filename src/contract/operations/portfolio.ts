import { defineOperations } from '../operation.js';
import { PortfolioExportQuerySchema, PortfolioExportSchema, PortfolioWeekParamsSchema, PortfolioWeekSchema } from '../portfolio-week.js';

const tags = ['reports'];
const zones =
  "Each program's week is the ISO week in that program's time zone (W49 in Shenzhen starts 16 hours before W49 in Chicago); a program's line reads its latest issued revision of the week, else its draft as of now.";

/** The leadership view: the portfolio of one week, one line per program the reader sees. */
export const portfolioOperations = defineOperations({
  getPortfolioWeek: {
    method: 'GET',
    path: '/portfolio/weeks/:week',
    tags,
    summary: 'The leadership view of an ISO week: one line per program, attention first, and what changed across the portfolio with why',
    description: zones,
    params: PortfolioWeekParamsSchema,
    status: 200,
    response: PortfolioWeekSchema,
    refusals: [401, 422],
  },
  exportPortfolioWeek: {
    method: 'GET',
    path: '/portfolio/weeks/:week/export',
    tags,
    summary: 'The leadership view of an ISO week as Markdown or JSON (?format=md|json); its PDF: …/report.pdf',
    description: zones,
    params: PortfolioWeekParamsSchema,
    query: PortfolioExportQuerySchema,
    status: 200,
    response: PortfolioExportSchema,
    refusals: [401, 422],
  },
});
