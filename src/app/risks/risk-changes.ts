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

/** Every risk change row of a program fits: a program has tens of risks, each a few dozen rows. */
const rowLimit = 1_000_000;

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
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const from = startOfDayUtc(input.since, program.timeZone);
  const until = startOfDayUtc(addDays(input.until, 1), program.timeZone);
  // From the beginning: a re-scoring in the period needs the score it started from.
  const [rows, users] = await Promise.all([
    r.listChanges(access.programId, { entity: 'risk', until, ascending: true, limit: rowLimit }),
    r.listUsers(),
  ]);
  const userById = byId(users);
  return ok(riskEvents(rows, from, until).map((event) => ({ event, actor: userById.get(event.actorId) ?? null })));
}
