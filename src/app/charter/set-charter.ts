import { changeText, type FieldChange } from '../../domain/change.js';
import { type Charter, charterValueProblems, updateRequestRuleOf } from '../../domain/charter.js';
import type { UserId } from '../../domain/ids.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Columns, Tx } from '../ports.js';
import { abort } from '../transact.js';
import { programWrite } from '../write-sequence.js';
import { type CharterView, charterGateKeys, charterView } from './get-charter.js';

export interface SetCharterInput {
  readonly programId: string;
  readonly actor: Actor;
  /** The whole charter: what is left out is cleared. */
  readonly charter: Charter;
  /** The charter's version the caller read (0: none saved yet). */
  readonly version: number;
  readonly reason?: string | null | undefined;
}

/** Empty lists and texts are logged as nothing, so a first charter logs only what it says. */
const logged = (v: unknown): string | null => {
  if (Array.isArray(v) && v.length === 0) return null;
  if (v !== null && typeof v === 'object' && Object.keys(v).length === 0) return null;
  return changeText(v);
};

/** Each column of the charter that changes, old → new (the change log names fields by column, as for every record). */
function charterChanges(before: Columns['charter'] | null, after: Columns['charter']): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    const oldValue = before ? logged(before[field as keyof Columns['charter']]) : null;
    const newValue = logged(value);
    if (oldValue !== newValue) out.push({ field, oldValue, newValue });
  }
  return out;
}

const columns = (programId: AuthorizedProgram['id'], c: Charter): Columns['charter'] => ({
  programId,
  decisionOwnerId: c.decisionOwnerId,
  escalationPath: c.escalationPath,
  successDefinitions: c.successDefinitions,
  reportWeekday: c.weeklyReport.weekday,
  reportTime: c.weeklyReport.time,
  reportRecipientIds: c.weeklyReport.recipientIds,
  reportRecipientEmails: c.weeklyReport.recipientEmails,
  reviewScoreAtLeast: c.leadershipReview.scoreAtLeast,
  reviewUnresolvedDays: c.leadershipReview.unresolvedDays,
  requestDaysBefore: updateRequestRuleOf(c).businessDaysBefore,
  requestUntouchedDays: updateRequestRuleOf(c).untouchedDays,
  reportAutoIssue: c.weeklyReport.autoIssue,
});

/** The people who may take part in the program: they hold a role on it or on its client, and are not removed. */
async function participants(tx: Tx, program: AuthorizedProgram): Promise<Set<UserId>> {
  return new Set((await tx.listMembersOn(program)).map((m) => m.userId));
}

/** Texts as written, less surrounding blanks; a blank success definition is none. */
function tidy(c: Charter): Charter {
  const successDefinitions = Object.fromEntries(
    Object.entries(c.successDefinitions)
      .map(([gate, text]) => [gate.trim(), text.trim()] as const)
      .filter(([, text]) => text.length > 0),
  );
  return {
    ...c,
    successDefinitions,
    weeklyReport: { ...c.weeklyReport, recipientEmails: c.weeklyReport.recipientEmails.map((e) => e.trim()) },
  };
}

/**
 * Writes a program's whole kickoff charter (the cadence owner: charter.edit) at the version read,
 * through the one write path: each column that changes is logged old → new with the reason. A wrong
 * value is refused by field (a charter may be half written, never wrong); a stale version with the
 * charter as it is now.
 */
export function setCharter(deps: AppDeps, input: SetCharterInput): Promise<Result<CharterView>> {
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'charter.edit',
    // Two saves of one charter run one after another, so the second sees the first's version.
    locksProgram: true,
    reason: input.reason,
  } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta }) => {
      const stored = await tx.findCharter(program.id);
      const version = stored?.version ?? 0;
      if (version !== input.version) {
        return abort({
          code: 'VERSION_CONFLICT',
          message: `The charter of ${program.code} was changed by someone else (you read version ${input.version}, it is now ${version}).`,
          current: await charterView(tx, program, stored),
        });
      }
      const next = tidy(input.charter);
      const problems = charterValueProblems(next, charterGateKeys(program), await participants(tx, program));
      if (problems.length > 0) {
        return abort({ code: 'VALIDATION_FAILED', message: 'The charter has values that cannot be saved.', fields: problems });
      }
      const values = columns(program.id, next);
      // A new charter logs its program (which tells the log it was added), then what it says.
      const changes = charterChanges(stored ? columns(program.id, stored.charter) : null, values);
      const base = { entity: 'charter', id: program.id, programId: program.id, entityKey: program.code, meta } as const;
      if (!stored) {
        await tx.write({
          ...base,
          op: 'insert',
          values,
          // programId comes first in the columns: the log reads it as the charter being added.
          changes,
        });
      } else if (changes.length > 0) {
        const { programId: _p, ...set } = values;
        const saved = await tx.write({ ...base, op: 'update', expectedVersion: stored.version, set, changes });
        if (!saved)
          abort({ code: 'VERSION_CONFLICT', message: `The charter of ${program.code} was changed by someone else while you saved.` });
      }
      return program;
    },
    async ({ value: program }) => charterView(deps.store.reads, program, await deps.store.reads.findCharter(program.id)),
  );
}
