import type { AuthorizedProgramId } from '../../domain/policy.js';
import { parseReportWeek } from '../../domain/report/iso-week.js';
import { ok, type Result } from '../../domain/result.js';
import { linkState, type RequestItem, type UpdateRequest } from '../../domain/update-requests/update-request.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { Reads, User } from '../ports.js';

/** One owner's request as the cadence owner sees it: who, when, what, whether they answered, and their link. */
export interface UpdateRequestView {
  readonly id: string;
  readonly week: string;
  readonly askedAt: string;
  readonly owner: { readonly id: string; readonly name: string; readonly email: string };
  /** They sign in (asked in "my week"); false: they were sent a signed link. */
  readonly hasAccount: boolean;
  readonly items: readonly RequestItem[];
  /** When they first updated or confirmed one of the items after being asked; null: not answered yet. */
  readonly answeredAt: string | null;
  /** The items they updated or confirmed since. */
  readonly answeredItemIds: readonly string[];
  readonly link: {
    readonly expiresAt: string;
    readonly revokedAt: string | null;
    readonly revokedById: string | null;
    readonly state: 'open' | 'expired' | 'revoked';
  } | null;
  readonly version: number;
}

export interface UpdateRequestList {
  readonly programId: string;
  readonly programCode: string;
  readonly week: string;
  readonly requests: readonly UpdateRequestView[];
}

/**
 * The views of requests: an owner answered when they logged a change on one of the items (or confirmed one through
 * the link, a change of the request) after being asked; one read of the change log for all of them.
 */
export async function updateRequestViews(
  reads: Reads,
  programId: AuthorizedProgramId,
  requests: readonly UpdateRequest[],
  now: Date,
): Promise<UpdateRequestView[]> {
  if (requests.length === 0) return [];
  const since = requests.map((r) => r.askedAt).sort()[0] ?? '';
  const [people, firsts] = await Promise.all([
    reads.findUsers(requests.map((r) => r.ownerId)),
    reads.firstChangesBy(
      programId,
      requests.map((r) => r.ownerId),
      requests.flatMap((r) => [r.id, ...r.items.map((i) => i.id)]),
      since,
    ),
  ]);
  const byId = new Map<string, User>(people.map((u) => [u.id, u]));
  return requests.map((r) => {
    const owner = byId.get(r.ownerId);
    const ids = new Set(r.items.map((i) => i.id));
    const mine = firsts.filter((f) => f.actorId === r.ownerId && f.firstAt > r.askedAt && (ids.has(f.entityId) || f.entityId === r.id));
    const answered = new Set(mine.filter((f) => ids.has(f.entityId)).map((f) => f.entityId));
    for (const id of r.confirmedItemIds) answered.add(id);
    const state = linkState(r, now);
    return {
      id: r.id,
      week: r.week,
      askedAt: r.askedAt,
      owner: { id: r.ownerId, name: owner?.name ?? r.ownerId, email: owner?.email ?? '' },
      hasAccount: r.linkExpiresAt === null,
      items: r.items,
      answeredAt: mine.reduce<string | null>((m, f) => (m === null || f.firstAt < m ? f.firstAt : m), null),
      answeredItemIds: r.items.filter((i) => answered.has(i.id)).map((i) => i.id),
      link:
        r.linkExpiresAt === null || state === 'none'
          ? null
          : { expiresAt: r.linkExpiresAt, revokedAt: r.revokedAt, revokedById: r.revokedById, state },
      version: r.version,
    };
  });
}

/** The view of a program's requests of one week. */
export async function updateRequestList(reads: Reads, program: AuthorizedProgram, week: string, now: Date): Promise<UpdateRequestList> {
  const requests = await reads.listUpdateRequests(program.id, week);
  return { programId: program.id, programCode: program.code, week, requests: await updateRequestViews(reads, program.id, requests, now) };
}

/** Who was asked to update their items before a week's report, and who answered (everyone who reads the program). */
export async function listUpdateRequests(
  deps: AppDeps,
  input: { readonly actor: Actor; readonly programId: string; readonly week: string },
): Promise<Result<UpdateRequestList>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  return ok(await updateRequestList(deps.store.reads, found.value.program, week.value.label, deps.clock.now()));
}
