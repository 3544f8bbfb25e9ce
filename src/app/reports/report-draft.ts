import { grantFor } from '../../domain/policy.js';
import { assembleWeeklyReport, checkNarrative } from '../../domain/report/assemble-weekly-report.js';
import { parseReportWeek, type ReportWeek } from '../../domain/report/iso-week.js';
import { type LintFinding, lintWeeklyReport } from '../../domain/report/lint-weekly-report.js';
import type { WeeklyReport } from '../../domain/report/weekly-report.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { Reads } from '../ports.js';
import { abort } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { readReportWeek } from './read-report-week.js';

/** A week's draft: the report as the record has it now, its lint, and the cadence owner's narrative. */
export interface ReportDraftView {
  readonly programCode: string;
  readonly week: ReportWeek;
  readonly report: WeeklyReport;
  readonly findings: readonly LintFinding[];
  /** The narrative's version: send it back to change the narrative (0 while none was written). */
  readonly narrativeVersion: number;
  /** The week's latest issued revision, or null while it was never issued. */
  readonly latestRevision: number | null;
  /** Whether the reader may write the narrative and issue (the cadence owner). */
  readonly canIssue: boolean;
}

export interface ReportWeekInput {
  readonly programId: string;
  readonly actor: Actor;
  /** `2026-W49`. */
  readonly week: string;
}

/** Reads the draft of a week the program may be read for, in its zone, as of the clock's now. */
async function draftOf(deps: AppDeps, r: Reads, input: ReportWeekInput): Promise<Result<ReportDraftView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const [draft, latest] = await Promise.all([
    r.findReportDraft(program.id, week.value.label),
    r.listIssuedReports(program.id, { week: week.value.label, limit: 1 }),
  ]);
  const read = await readReportWeek(r, program, week.value, deps.clock.now(), draft?.narrative ?? '');
  if (!read.ok) return read;
  const report = assembleWeeklyReport(read.value);
  return ok({
    programCode: program.code,
    week: week.value,
    report,
    findings: lintWeeklyReport(report),
    narrativeVersion: draft?.version ?? 0,
    latestRevision: latest[0]?.revision ?? null,
    canIssue: grantFor(access, 'report.issue') === 'yes',
  });
}

/** The draft report of a program for one ISO week: assembled from the record now, with its lint; everyone who reads the program reads it. */
export const getReportDraft = (deps: AppDeps, input: ReportWeekInput): Promise<Result<ReportDraftView>> =>
  draftOf(deps, deps.store.reads, input);

export interface SetNarrativeInput extends ReportWeekInput {
  readonly narrative: string;
  /** The narrative's version read (0: none written yet). */
  readonly version: number;
}

/**
 * Writes the cadence owner's narrative of a week's draft (report.issue) at the version read, at most
 * `narrativeMax` characters, through the one write path; answers the draft as it then reads.
 */
export async function setReportNarrative(deps: AppDeps, input: SetNarrativeInput): Promise<Result<ReportDraftView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const narrative = checkNarrative(input.narrative);
  if (!narrative.ok) return narrative;
  const written = await programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'report.issue' },
    async ({ tx, program, meta }) => {
      const label = week.value.label;
      const draft = await tx.findReportDraft(program.id, label);
      if ((draft?.version ?? 0) !== input.version)
        abort({ code: 'VERSION_CONFLICT', message: `The narrative of ${label} was changed by someone else; reload and retry.` });
      const target = { entity: 'report_draft' as const, programId: program.id, entityKey: label, meta };
      if (!draft) {
        await insertRecord(deps, tx, { ...target, id: deps.newId() }, { programId: program.id, week: label, narrative: narrative.value });
      } else {
        await updateRecord(deps, tx, { ...target, id: draft.id }, draft, { narrative: narrative.value });
      }
    },
  );
  if (!written.ok) return written;
  return getReportDraft(deps, input);
}
