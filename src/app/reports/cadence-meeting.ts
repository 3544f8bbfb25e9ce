import type { PlainDate } from '../../domain/plain-date.js';
import { grantFor, permit } from '../../domain/policy.js';
import { parseReportWeek, weekSpan } from '../../domain/report/iso-week.js';
import { buildMeetingAgenda, type MeetingAgenda } from '../../domain/report/meeting-agenda.js';
import { type MinutesEntry, minutesMax } from '../../domain/report/meeting-minutes.js';
import { compareInstants } from '../../domain/report/report-order.js';
import { ok, type Result } from '../../domain/result.js';
import { openAction } from '../actions/open-action.js';
import { decideDecision } from '../decisions/decide-decision.js';
import { requestDecision } from '../decisions/request-decision.js';
import type { AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { Store } from '../ports.js';
import { abort, attempt, must } from '../transact.js';
import { programToday } from '../views.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { getReportDraft, type ReportWeekInput } from './report-draft.js';

/** A week's cadence meeting: the agenda generated from the draft, the minutes recorded so far. */
export interface MeetingView extends MeetingAgenda {
  readonly programCode: string;
  readonly minutes: readonly MinutesEntry[];
  readonly people: readonly { readonly id: string; readonly name: string }[];
  /** Whether the reader records outcomes (the cadence owner, report.issue). */
  readonly canRecord: boolean;
}

/** The agenda of a week's cadence meeting and its minutes so far; everyone who reads the program reads them. */
export async function getMeetingAgenda(deps: AppDeps, input: ReportWeekInput): Promise<Result<MeetingView>> {
  const draft = await getReportDraft(deps, input);
  if (!draft.ok) return draft;
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const [charter, memberships] = await Promise.all([r.findCharter(program.id), r.listMembershipsOn(program)]);
  const cadenceOwnerIds = [...new Set(memberships.filter((m) => m.role === 'cadence_owner').map((m) => m.userId as string))];
  const roles = {
    decisionOwnerId: charter?.charter.decisionOwnerId ?? null,
    escalationPath: charter?.charter.escalationPath ?? [],
    cadenceOwnerIds,
  };
  const ids = [roles.decisionOwnerId, ...roles.escalationPath, ...cadenceOwnerIds].filter((x): x is string => x !== null);
  const users = await r.findUsers([...new Set(ids)]);
  const report = draft.value.report;
  const agenda = buildMeetingAgenda(
    report,
    roles,
    users.filter((u) => u.status !== 'removed').map((u) => ({ id: u.id as string, name: u.name })),
  );
  const named = new Map([...report.people, ...users.map((u) => ({ id: u.id as string, name: u.name }))].map((p) => [p.id, p.name]));
  return ok({
    ...agenda,
    programCode: program.code,
    minutes: report.minutes ?? [],
    people: [...named].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    canRecord: grantFor(access, 'report.issue') === 'yes',
  });
}

const verdict = (o: { outcome: string; rationale: string; expectedImpact: string }) => ({
  outcome: o.outcome,
  rationale: o.rationale,
  expectedImpact: o.expectedImpact,
});

/** What the cadence owner records as an outcome of the meeting (contract/meeting.ts RecordOutcomeSchema). */
export type MeetingOutcomeInput =
  | {
      readonly kind: 'decision';
      readonly decisionId: string;
      readonly version: number;
      readonly outcome: string;
      readonly rationale: string;
      readonly expectedImpact: string;
    }
  | {
      readonly kind: 'new_decision';
      readonly statement: string;
      readonly outcome: string;
      readonly rationale: string;
      readonly expectedImpact: string;
    }
  | { readonly kind: 'action'; readonly title: string; readonly ownerId: string; readonly dueDate: PlainDate };

export interface RecordOutcomeInput extends ReportWeekInput {
  readonly outcome: MeetingOutcomeInput;
}

const step = async <T>(r: Promise<Result<T>>): Promise<T> => must(await r);

/**
 * Records an outcome of a week's cadence meeting (the cadence owner, report.issue) straight into the log, all
 * or nothing in one transaction: an open decision decided through the decision use case (the policy holds:
 * its owner decides it), a decision taken in the meeting requested as the recorder's and decided at once, or
 * an action opened through the action use case; then the minutes' row linking it to the week, with its words
 * and owner as they stood. Answers the meeting as it then reads.
 */
export async function recordMeetingOutcome(deps: AppDeps, input: RecordOutcomeInput): Promise<Result<MeetingView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const label = week.value.label;
  const { actor, programId } = input;
  // Who may record is asked before anything is written (observers and others get 403 naming report.issue).
  const allowed = await attempt(async () => {
    const found = must(await findAccessibleProgram(deps.store.reads, actor, programId));
    must(permit(found.access, 'report.issue'));
    // A week's meeting is held once the week has begun where the program is.
    if (compareInstants(deps.clock.now().toISOString(), weekSpan(week.value, found.program.timeZone).startAt) < 0) {
      const message = `${label} has not begun in ${found.program.timeZone}; its meeting's outcomes are recorded once it has.`;
      abort({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'week', message }] });
    }
  });
  if (!allowed.ok) return allowed;
  const recorded = await attempt(() =>
    deps.store.batch(async (store: Store) => {
      const d: AppDeps = { ...deps, store };
      const o = input.outcome;
      let row: {
        kind: 'decision' | 'action';
        recordId: string;
        recordKey: string;
        title: string;
        outcome: string | null;
        rationale: string | null;
        ownerId: string | null;
        dueDate: PlainDate | null;
      };
      if (o.kind === 'action') {
        const a = (await step(openAction(d, { programId, actor, title: o.title, ownerId: o.ownerId, dueDate: o.dueDate }))).action;
        row = {
          kind: 'action',
          recordId: a.id,
          recordKey: a.key,
          title: a.title,
          outcome: null,
          rationale: null,
          ownerId: a.ownerId,
          dueDate: a.dueDate,
        };
      } else {
        let target = o.kind === 'decision' ? { id: o.decisionId, version: o.version } : null;
        if (o.kind === 'new_decision') {
          const program = (await step(findAccessibleProgram(store.reads, actor, programId))).program;
          const requested = await step(
            requestDecision(d, {
              programId,
              actor,
              statement: o.statement,
              context: `Taken in the cadence meeting of ${label}.`,
              ownerId: actor.id,
              dueDate: programToday(program, d.clock.now()),
            }),
          );
          target = { id: requested.decision.id, version: requested.decision.version };
        }
        if (target === null) throw new Error('unreachable');
        const decided = (await step(decideDecision(d, { programId, decisionId: target.id, version: target.version, actor, ...verdict(o) })))
          .decision;
        row = {
          kind: 'decision',
          recordId: decided.id,
          recordKey: decided.key,
          title: decided.statement,
          outcome: decided.outcome,
          rationale: decided.rationale,
          ownerId: decided.ownerId,
          dueDate: decided.dueDate,
        };
      }
      return step(
        programWrite(d, { programId, actor, permission: 'report.issue', locksProgram: true }, async ({ tx, program, meta }) => {
          const kept = await tx.listMeetingOutcomes(program.id, label);
          if (kept.length >= minutesMax) {
            const message = `The minutes of ${label} hold ${minutesMax} outcomes, the most a meeting keeps.`;
            abort({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'kind', message }] });
          }
          await insertRecord(
            d,
            tx,
            { entity: 'meeting_outcome', id: d.newId(), programId: program.id, entityKey: row.recordKey, meta },
            { programId: program.id, week: label, ...row, recordedAt: meta.at, recordedById: actor.id },
          );
        }),
      );
    }),
  );
  if (!recorded.ok) return recorded;
  return getMeetingAgenda(deps, input);
}
