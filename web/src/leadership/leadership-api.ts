import { useQuery } from '@tanstack/react-query';
import { addDays, type PlainDate } from '../../../src/domain/plain-date.js';
import { parseReportWeek, weekOfDate } from '../../../src/domain/report/iso-week.js';
import { dateInZoneOf, readerTimeZone } from '../lib/format.js';
import { callOperation } from '../lib/http.js';

/** The leadership view of an ISO week: each program's week in its own zone (contract/operations/portfolio.ts). */
export const usePortfolioWeek = (week: string) =>
  useQuery({
    queryKey: ['portfolio', 'weeks', week] as const,
    queryFn: ({ signal }) => callOperation('getPortfolioWeek', { params: { week } }, signal),
  });

/** The leadership view's PDF (http/routes/portfolio-pdf.ts). */
export const portfolioPdfUrl = (week: string) => `/api/v1/portfolio/weeks/${encodeURIComponent(week)}/report.pdf`;

/** The page of a week's leadership view. */
export const leadershipPath = (week: string) => `/portfolio/weeks/${encodeURIComponent(week)}`;

/** The ISO week the reader is in now, in their zone (the page's default). */
export const currentWeek = (now = Date.now()): string => weekOfDate(dateInZoneOf(now, readerTimeZone()) as PlainDate).label;

/** The week before or after (7 days from its Monday); null when the label is not a week. */
export function shiftWeek(label: string, weeks: number): string | null {
  const w = parseReportWeek(label);
  return w.ok ? weekOfDate(addDays(w.value.start, 7 * weeks)).label : null;
}
