import { addDays, type PlainDate } from '../../domain/plain-date.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import { type RiskEvent, riskEvents } from '../../domain/risk-history.js';
import { startOfDayUtc } from '../../domain/zoned.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { User } from '../ports.js';
import { byId } from '../views.js';

export interface RiskChangesInput {
  readonly programId: string;
  readonly actor: Actor;
  /** The first day, in the program's time zone. */
  readonly since: PlainDate;
  /** The last day (inclusive), in the program's time zone. */
  readonly until: PlainDate;
}

export interface RiskChangeView {
  readonly event: RiskEvent;
  readonly actor: User | null;
}

/** The longest period asked for at once, in days. */
export const maxRiskPeriodDays = 366;
/** Change rows of a program's risks in one period: far above a year of weekly re-scoring of 200 risks. */
const periodRowLimit = 100_000;
/** The fields a risk's earlier state is replayed from: its key and title, its score and its status. */
const stateFields = ['title', 'likelihood', 'impact', 'status'];

/**
 * What happened to a program's risks between two days (inclusive, in the program's time zone),
 * oldest first: raised, re-scored (from → to), closed, realized. Read from the change log only.
 */
export async function riskChanges(deps: AppDeps, input: RiskChangesInput): Promise<Result<RiskChangeView[]>> {
  if (input.until < input.since) {
    return refuse('VALIDATION_FAILED', `The period ends (${input.until}) before it starts (${input.since}).`, [
      { path: 'until', message: 'On or after since.' },
    ]);
  }
  if (input.until > addDays(input.since, maxRiskPeriodDays - 1)) {
    return refuse('VALIDATION_FAILED', `The period is longer than ${maxRiskPeriodDays} days; ask for a shorter one.`, [
      { path: 'until', message: `At most ${maxRiskPeriodDays} days after since.` },
    ]);
  }
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const from = startOfDayUtc(input.since, program.timeZone);
  const until = startOfDayUtc(addDays(input.until, 1), program.timeZone);
  const inPeriod = await r.listChanges(access.programId, {
    entity: 'risk',
    since: from,
    until,
    ascending: true,
    limit: periodRowLimit + 1,
  });
  if (inPeriod.length > periodRowLimit) {
    return refuse('VALIDATION_FAILED', 'The period holds too many risk changes to list at once; ask for a shorter one.', [
      { path: 'until', message: 'Choose a shorter period.' },
    ]);
  }
  // A re-scoring in the period needs the score it started from (and the title it had): the earlier
  // rows of those fields, of only the risks that changed in the period.
  const changed = [...new Set(inPeriod.map((c) => c.entityId))];
  const before =
    changed.length === 0
      ? []
      : await r.listChanges(access.programId, {
          entity: 'risk',
          entityIds: changed,
          fields: stateFields,
          until: from,
          ascending: true,
          limit: periodRowLimit,
        });
  const events = riskEvents([...before, ...inPeriod], from, until);
  const users = byId<User>(await r.findUsers(events.map((e) => e.actorId)));
  return ok(events.map((event) => ({ event, actor: users.get(event.actorId) ?? null })));
}
