import { type QueryClient, useQuery } from '@tanstack/react-query';
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

const draftKey = (programId: string, week: string) => ['program', programId, 'reports', week, 'draft'] as const;
const meetingKey = (programId: string, week: string) => ['program', programId, 'reports', week, 'meeting'] as const;

/** A week's draft: assembled from the record now, with its lint, narrative and latest revision. */
export const useReportDraft = (programId: string, week: string) =>
  useQuery({
    queryKey: draftKey(programId, week),
    queryFn: ({ signal }) => callOperation('getReportDraft', { params: { programId, week } }, signal),
  });

/** The week's cadence meeting: agenda, attendees, minutes so far. */
export const useMeeting = (programId: string, week: string) =>
  useQuery({
    queryKey: meetingKey(programId, week),
    queryFn: ({ signal }) => callOperation('getMeetingAgenda', { params: { programId, week } }, signal),
  });

/** After a write on the week: its draft and meeting read again (the rest of the program's caches too). */
export const invalidateWeek = (client: QueryClient, programId: string) => client.invalidateQueries({ queryKey: ['program', programId] });

export const reportsApi = {
  setNarrative: (programId: string, week: string, body: { narrative: string; version: number }) =>
    callOperation('setReportNarrative', { params: { programId, week }, body }),
  issue: (programId: string, week: string, body: { acknowledgeFindings: boolean }) =>
    callOperation('issueReport', { params: { programId, week }, body }),
  recordOutcome: (
    programId: string,
    week: string,
    body:
      | { kind: 'decision'; decisionId: string; version: number; outcome: string; rationale: string; expectedImpact: string }
      | { kind: 'new_decision'; statement: string; outcome: string; rationale: string; expectedImpact: string }
      | { kind: 'action'; title: string; ownerId: string; dueDate: string },
  ) => callOperation('recordMeetingOutcome', { params: { programId, week }, body }),
};
