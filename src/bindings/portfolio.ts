import { exportPortfolioWeek, getPortfolioWeek } from '../app/reports/portfolio-week.js';
import type { portfolioOperations } from '../contract/operations/portfolio.js';
import { portfolioExportJson, portfolioWeekJson } from '../present/portfolio-week-json.js';
import { type Bindings, presented } from './binding.js';

/** The leadership view (contract/operations/portfolio.ts). */
export const portfolioBindings: Bindings<keyof typeof portfolioOperations> = {
  getPortfolioWeek: async ({ app, actor }, { params }) => presented(await getPortfolioWeek(app, { actor, ...params }), portfolioWeekJson),
  exportPortfolioWeek: async ({ app, actor }, { params, query }) =>
    presented(await exportPortfolioWeek(app, { actor, ...params, format: query.format }), portfolioExportJson),
};
