import type { z } from 'zod';
import type { Page } from '../app/paging.js';
import type { MeetingView } from '../app/reports/cadence-meeting.js';
import type { IssuedReportSummary, IssuedReportView, ReportExport } from '../app/reports/issued-reports.js';
import type { ReportDraftView } from '../app/reports/report-draft.js';
import type { MeetingAgendaSchema } from '../contract/meeting.js';
import type { IssuedReportListSchema, IssuedReportSchema, ReportDraftSchema, WeeklyReportSchema } from '../contract/report.js';
import type { WeeklyReport } from '../domain/report/weekly-report.js';

// The domain's report model is readonly data of exactly the contract's shape (WeeklyReportSchema); the
// API's documents take it as it is, so the JSON answered is the model a rendering reads.
const reportJson = (r: WeeklyReport): z.output<typeof WeeklyReportSchema> => r as unknown as z.output<typeof WeeklyReportSchema>;

/** A week's draft as the API answers it. */
export const reportDraftJson = (v: ReportDraftView): z.output<typeof ReportDraftSchema> => ({
  programCode: v.programCode,
  week: v.week.label,
  report: reportJson(v.report),
  findings: [...v.findings],
  narrativeVersion: v.narrativeVersion,
  latestRevision: v.latestRevision,
  canIssue: v.canIssue,
});

const summaryJson = (s: IssuedReportSummary) => ({
  programCode: s.programCode,
  week: s.week,
  revision: s.revision,
  issuedAt: s.issuedAt,
  issuedBy: { id: s.issuedBy.id, name: s.issuedBy.name },
  findingsAcknowledged: s.findingsAcknowledged,
  isAutomatic: s.isAutomatic,
});

export const issuedReportListJson = (p: Page<IssuedReportSummary>): z.output<typeof IssuedReportListSchema> => ({
  items: p.items.map(summaryJson),
  nextCursor: p.nextCursor,
});

/** An issued revision: its summary, the model and the issue, all from the snapshot. */
export const issuedReportJson = (v: IssuedReportView): z.output<typeof IssuedReportSchema> => ({
  ...summaryJson(v),
  report: reportJson(v.report),
  issue: {
    ...v.issue,
    findings: [...v.issue.findings],
    changesFromPrevious:
      v.issue.changesFromPrevious === null
        ? null
        : { ...v.issue.changesFromPrevious, differences: [...v.issue.changesFromPrevious.differences] },
  },
});

export const reportExportJson = (e: ReportExport) => ({ ...e });

/** A week's cadence meeting: agenda, attendees and minutes so far. */
export const meetingJson = (v: MeetingView): z.output<typeof MeetingAgendaSchema> => ({
  programCode: v.programCode,
  week: v.week,
  sections: v.sections.map((s) => ({ section: s.section, items: s.items.map((i) => ({ ...i })) })),
  attendees: v.attendees.map((a) => ({ ...a, roles: [...a.roles] })),
  minutes: v.minutes.map((m) => ({ ...m })),
  people: v.people.map((p) => ({ ...p })),
  canRecord: v.canRecord,
});
