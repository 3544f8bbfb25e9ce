import { addDays, isPlainDate } from '../domain/plain-date.js';
import { ok, type Result } from '../domain/result.js';
import { startOfDayUtc } from '../domain/zoned.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import type { ChangeRecord, User } from './ports.js';
import { byId } from './views.js';

export interface ChangeView {
  readonly change: ChangeRecord;
  readonly actor: User | null;
}

export interface ListChangesInput {
  readonly programId: string;
  readonly actor: Actor;
  /** A plain date (from its start in the program's zone) or an instant, inclusive. */
  readonly since?: string | undefined;
  /** A plain date (to its end in the program's zone, inclusive) or an instant (exclusive). */
  readonly until?: string | undefined;
  readonly limit?: number | undefined;
}

const instant = (v: string) => new Date(v).toISOString();

/** A program's change log, newest first, optionally between two dates or instants. */
export async function listChanges(deps: AppDeps, input: ListChangesInput): Promise<Result<ChangeView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const zone = found.value.program.timeZone;
  const since = input.since && (isPlainDate(input.since) ? startOfDayUtc(input.since, zone) : instant(input.since));
  const until = input.until && (isPlainDate(input.until) ? startOfDayUtc(addDays(input.until, 1), zone) : instant(input.until));
  const [changes, users] = await Promise.all([
    r.listChanges(found.value.access.programId, { since, until, limit: input.limit ?? 500 }),
    r.listUsers(),
  ]);
  const userById = byId(users);
  return ok(changes.map((change) => ({ change, actor: userById.get(change.actorId) ?? null })));
}
