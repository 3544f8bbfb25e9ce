import { type EscalationStatus, escalationStatuses, openEscalationStatuses } from '../../domain/escalations/escalation.js';
import type { UserId } from '../../domain/ids.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { authorize, findAccessibleProgram } from '../get-program.js';
import { badCursor, decodeCursor, encodeCursor, type Page, pageOf } from '../paging.js';
import type { EscalationQuery } from '../ports.js';
import { type EscalationView, escalationViews } from './escalation-view.js';

/** Which escalations a list shows: `open` every one not resolved (the default), `overdue` those past their deadline or expired, a status, or `all`. */
export const escalationFilters = ['open', 'overdue', 'all', ...escalationStatuses] as const;
export type EscalationFilter = (typeof escalationFilters)[number];

export interface ListEscalationsInput {
  readonly actor: Actor;
  /** One program (id or code); every program the person sees when absent. */
  readonly programId?: string | undefined;
  /** Only the person's own (their action owner's). */
  readonly mine?: boolean | undefined;
  readonly status: EscalationFilter;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

const tag = 'escalations';

function statusQuery(filter: EscalationFilter, now: Date): Pick<EscalationQuery, 'statuses' | 'overdueAt'> {
  if (filter === 'all') return {};
  if (filter === 'open') return { statuses: openEscalationStatuses };
  if (filter === 'overdue') return { overdueAt: now.toISOString() };
  return { statuses: [filter as EscalationStatus] };
}

/**
 * Escalations newest raised first, a page at a time (keyset): of one program the person sees, or of every
 * program they see (a program they may not see is never read), optionally only their own.
 */
export async function listEscalations(deps: AppDeps, input: ListEscalationsInput): Promise<Result<Page<EscalationView>>> {
  let after: EscalationQuery['after'];
  if (input.cursor !== undefined) {
    const place = decodeCursor(tag, input.cursor, 2);
    if (!place) return badCursor();
    after = { raisedAt: place[0] as string, id: place[1] as string };
  }
  const reads = deps.store.reads;
  const codeOf = new Map<string, string>();
  const programIds: AuthorizedProgramId[] = [];
  if (input.programId !== undefined) {
    const found = await findAccessibleProgram(reads, input.actor, input.programId);
    if (!found.ok) return found;
    programIds.push(found.value.program.id);
    codeOf.set(found.value.program.id, found.value.program.code);
  } else {
    for (const p of await reads.listPrograms()) {
      const a = authorize(input.actor, p);
      if (!a.ok) continue;
      programIds.push(a.value.program.id);
      codeOf.set(p.id, p.code);
    }
  }
  const now = deps.clock.now();
  const rows = await reads.listEscalations({
    programIds,
    ...statusQuery(input.status, now),
    ownerId: input.mine ? (input.actor.id as UserId) : undefined,
    after,
    limit: input.limit + 1,
  });
  const page = pageOf(rows, input.limit, (last) => encodeCursor(tag, [last.raisedAt, last.id]));
  return ok({ items: await escalationViews(reads, page.items, codeOf, now), nextCursor: page.nextCursor });
}

/** One escalation of a program the person sees, by key or id. */
export async function getEscalation(
  deps: AppDeps,
  input: { readonly actor: Actor; readonly programId: string; readonly escalationId: string },
): Promise<Result<EscalationView>> {
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const e = await deps.store.reads.findEscalation(program.id, input.escalationId.trim());
  if (!e) return refuse('ESCALATION_NOT_FOUND', `${program.code} has no escalation "${input.escalationId}".`);
  const [view] = await escalationViews(deps.store.reads, [e], new Map([[program.id, program.code]]), deps.clock.now());
  return ok(view as EscalationView);
}
