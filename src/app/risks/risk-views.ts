import type { Action } from '../../domain/action.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { isRiskOpen, type Risk } from '../../domain/risk.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Reads, Store, User } from '../ports.js';
import { byId, programToday } from '../views.js';

/** What a listed item lacks: every live item has an owner and a date it is next looked at (its review date). */
export type RiskFlag = 'no_owner' | 'no_due_date';

export interface RiskView {
  readonly program: Program;
  readonly risk: Risk;
  readonly owner: User | null;
  /** A live risk whose review date is today or past, in the program's time zone. */
  readonly isReviewDue: boolean;
  readonly flags: readonly RiskFlag[];
  /** Actions linked to the risk (mitigations, the response to a realized risk), by key. */
  readonly actions: readonly Action[];
}

const keyNumber = (key: string) => Number(key.split('-')[1] ?? 0);
export const byKey = (a: { key: string }, b: { key: string }) => keyNumber(a.key) - keyNumber(b.key);

export function riskView(
  program: Program,
  risk: Risk,
  today: PlainDate,
  users: ReadonlyMap<string, User>,
  actions: readonly Action[],
): RiskView {
  const live = isRiskOpen(risk);
  const flags: RiskFlag[] = [];
  if (live && risk.ownerId === null) flags.push('no_owner');
  if (live && risk.reviewDate === null) flags.push('no_due_date');
  return {
    program,
    risk,
    owner: risk.ownerId ? (users.get(risk.ownerId) ?? null) : null,
    isReviewDue: live && risk.reviewDate !== null && risk.reviewDate <= today,
    flags,
    actions: actions.filter((a) => a.riskId === risk.id).sort(byKey),
  };
}

/** One risk's view, reading the people and the program's actions it needs; `bare` (AppDeps.bareAnswers): the risk alone, read from nowhere. */
export async function loadRiskView(
  reads: Reads,
  program: AuthorizedProgram,
  risk: Risk,
  now: Date,
  _committed?: Store,
  bare?: boolean,
): Promise<RiskView> {
  if (bare) return riskView(program, risk, programToday(program, now), new Map(), []);
  const [users, actions] = await Promise.all([reads.listUsers(), reads.listActions([program.id])]);
  return riskView(program, risk, programToday(program, now), byId(users), actions);
}
