import type { z } from 'zod';
import type { PortfolioExport, PortfolioWeekView } from '../app/reports/portfolio-week.js';
import type { PortfolioExportSchema, PortfolioWeekSchema } from '../contract/portfolio-week.js';

// The leadership view's lines are readonly data of exactly the contract's shape; the API answers them as they are.

/** The leadership view of a week as the API answers it. */
export const portfolioWeekJson = (v: PortfolioWeekView): z.output<typeof PortfolioWeekSchema> => ({
  week: v.week.label,
  asOf: v.asOf,
  lines: v.view.lines as z.output<typeof PortfolioWeekSchema>['lines'],
  changes: [...v.view.changes],
  moreChanges: v.view.moreChanges,
});

export const portfolioExportJson = (e: PortfolioExport): z.output<typeof PortfolioExportSchema> => ({ ...e });
