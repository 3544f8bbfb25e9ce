import { type LeadershipView, leadershipDocument } from '../domain/report/leadership-view.js';
import { type ReportPdfOptions, renderBlocksPdf } from './weekly-report-pdf.js';

/** The leadership view of a week as an A4 landscape PDF: the same document as its Markdown and e-mail. */
export function renderLeadershipPdf(view: LeadershipView, asOf: string, opts: ReportPdfOptions = {}): Promise<Buffer> {
  return renderBlocksPdf(
    leadershipDocument(view),
    {
      title: `Portfolio ${view.week}`,
      footer: `Tollgate – portfolio – ${view.week} – as of ${asOf.slice(0, 16).replace('T', ' ')} UTC`,
      at: asOf,
    },
    opts,
  );
}
