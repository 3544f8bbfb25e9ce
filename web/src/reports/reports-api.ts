import { useQuery } from '@tanstack/react-query';
import { callOperation } from '../lib/http.js';

const enc = encodeURIComponent;

/** One issued revision of a week ('latest': the week's last), read from its snapshot. */
export const useIssuedReport = (programId: string, week: string, revision: string) =>
  useQuery({
    queryKey: ['program', programId, 'reports', week, revision] as const,
    queryFn: ({ signal }) =>
      callOperation(
        'getIssuedReport',
        { params: { programId, week, revision: revision === 'latest' ? 'latest' : Number(revision) } },
        signal,
      ),
  });

/** The issued revision's PDF, drawn from the snapshot (http/routes/report-pdf.ts). */
export const issuedReportPdfUrl = (programId: string, week: string, revision: number) =>
  `/api/v1/programs/${enc(programId)}/reports/${enc(week)}/revisions/${revision}/report.pdf`;

/** An issued revision's Markdown or JSON, re-made from its snapshot: its file name, media type and text. */
export const exportIssuedReport = (programId: string, week: string, revision: number, format: 'md' | 'json') =>
  callOperation('exportIssuedReport', { params: { programId, week, revision }, query: { format } });
