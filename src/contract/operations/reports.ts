import { MeetingAgendaSchema, RecordOutcomeSchema } from '../meeting.js';
import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';
import {
  IssuedReportListSchema,
  IssuedReportParamsSchema,
  IssuedReportSchema,
  IssueReportSchema,
  ReportDraftSchema,
  ReportExportQuerySchema,
  ReportExportSchema,
  ReportsQuerySchema,
  ReportWeekParamsSchema,
  SetNarrativeSchema,
} from '../report.js';

const tags = ['reports'];

/** The weekly operating report: a week's draft and narrative, issuing, and the issued reports with their renderings. */
export const reportOperations = defineOperations({
  listIssuedReports: {
    method: 'GET',
    path: '/programs/:programId/reports',
    tags,
    summary: "A program's issued weekly reports, newest issued first",
    description: 'Pages of limit reports; pass nextCursor as cursor for the next.',
    params: ProgramParamsSchema,
    query: ReportsQuerySchema,
    status: 200,
    response: IssuedReportListSchema,
    refusals: [401, 404, 422],
  },
  getReportDraft: {
    method: 'GET',
    path: '/programs/:programId/reports/:week',
    tags,
    summary: "The draft report of an ISO week in the program's zone (2026-W49): assembled from the record now, with its lint and narrative",
    params: ReportWeekParamsSchema,
    status: 200,
    response: ReportDraftSchema,
    refusals: [401, 404, 422],
  },
  setReportNarrative: {
    method: 'PUT',
    path: '/programs/:programId/reports/:week/narrative',
    tags,
    summary: "Write the narrative of a week's draft (the cadence owner), at the version read",
    params: ReportWeekParamsSchema,
    body: SetNarrativeSchema,
    status: 200,
    response: ReportDraftSchema,
    refusals: writeRefusals,
  },
  issueReport: {
    method: 'POST',
    path: '/programs/:programId/reports/:week/issue',
    tags,
    summary:
      "Issue a week's report (the cadence owner): frozen as the week's next revision; refused with 409 REPORT_HAS_FINDINGS while the lint finds something, unless acknowledgeFindings",
    params: ReportWeekParamsSchema,
    body: IssueReportSchema,
    status: 201,
    response: IssuedReportSchema,
    refusals: writeRefusals,
  },
  getMeetingAgenda: {
    method: 'GET',
    path: '/programs/:programId/reports/:week/meeting',
    tags,
    summary:
      "The week's cadence meeting: its agenda generated from the draft (decisions needed first, then blockers, risks, moved milestones, next-week plan), attendees from the charter's roles and the items' owners, and the minutes recorded so far",
    params: ReportWeekParamsSchema,
    status: 200,
    response: MeetingAgendaSchema,
    refusals: [401, 404, 422],
  },
  recordMeetingOutcome: {
    method: 'POST',
    path: '/programs/:programId/reports/:week/meeting/outcomes',
    tags,
    summary:
      "Record an outcome of the week's cadence meeting (the cadence owner): an open decision decided (by its owner), a decision taken in the meeting, or a new action with owner and due date; written through the decision and action use cases and kept in the week's minutes",
    params: ReportWeekParamsSchema,
    body: RecordOutcomeSchema,
    status: 201,
    response: MeetingAgendaSchema,
    refusals: writeRefusals,
  },
  getIssuedReport: {
    method: 'GET',
    path: '/programs/:programId/reports/:week/revisions/:revision',
    tags,
    summary: 'One issued revision of a week, read from its snapshot alone',
    params: IssuedReportParamsSchema,
    status: 200,
    response: IssuedReportSchema,
    refusals: [...readRefusals, 422],
  },
  exportIssuedReport: {
    method: 'GET',
    path: '/programs/:programId/reports/:week/revisions/:revision/export',
    tags,
    summary: "An issued revision's Markdown or JSON (?format=md|json), re-rendered from its snapshot: the same bytes whenever asked",
    params: IssuedReportParamsSchema,
    query: ReportExportQuerySchema,
    status: 200,
    response: ReportExportSchema,
    refusals: [...readRefusals, 422],
  },
});
