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
