import { getMeetingAgenda, recordMeetingOutcome } from '../app/reports/cadence-meeting.js';
import { issueReport } from '../app/reports/issue-report.js';
import { exportIssuedReport, getIssuedReport, listIssuedReports } from '../app/reports/issued-reports.js';
import { getReportDraft, setReportNarrative } from '../app/reports/report-draft.js';
import type { reportOperations } from '../contract/operations/reports.js';
import { issuedReportJson, issuedReportListJson, meetingJson, reportDraftJson, reportExportJson } from '../present/reports-json.js';
import { type Bindings, presented } from './binding.js';

/** The weekly operating report (contract/operations/reports.ts). */
export const reportBindings: Bindings<keyof typeof reportOperations> = {
  listIssuedReports: async ({ app, actor }, { params, query }) =>
    presented(await listIssuedReports(app, { actor, programId: params.programId, ...query }), issuedReportListJson),
  getReportDraft: async ({ app, actor }, { params }) => presented(await getReportDraft(app, { actor, ...params }), reportDraftJson),
  setReportNarrative: async ({ app, actor }, { params, body }) =>
    presented(await setReportNarrative(app, { actor, ...params, ...body }), reportDraftJson),
  issueReport: async ({ app, actor }, { params, body }) =>
    presented(await issueReport(app, { actor, ...params, ...body }), issuedReportJson),
  getMeetingAgenda: async ({ app, actor }, { params }) => presented(await getMeetingAgenda(app, { actor, ...params }), meetingJson),
  recordMeetingOutcome: async ({ app, actor }, { params, body }) =>
    presented(await recordMeetingOutcome(app, { actor, ...params, outcome: body }), meetingJson),
  getIssuedReport: async ({ app, actor }, { params }) => presented(await getIssuedReport(app, { actor, ...params }), issuedReportJson),
  exportIssuedReport: async ({ app, actor }, { params, query }) =>
    presented(await exportIssuedReport(app, { actor, ...params, format: query.format }), reportExportJson),
};
