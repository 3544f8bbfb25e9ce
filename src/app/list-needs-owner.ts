import { type NeedsOwnerItem, needsOwner, needsOwnerPlace } from '../domain/needs-owner.js';
import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { badCursor, decodeCursor, encodeCursor, isKeyNumber, type Page, pageOf } from './paging.js';
import type { User } from './ports.js';
import { byId } from './views.js';

export interface NeedsOwnerInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface NeedsOwnerView {
  readonly item: NeedsOwnerItem;
  readonly owner: User | null;
}

const tag = 'needs-owner';

/**
 * A page of the program's open records that still lack an owner or a due date (records from before
 * both were required), for the cadence owner to complete: milestones, decisions, actions, by key.
 */
export async function listNeedsOwner(
  deps: AppDeps,
  input: NeedsOwnerInput,
): Promise<Result<Page<NeedsOwnerView> & { readonly programCode: string }>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  let after: readonly [number, number] | null = null;
  if (input.cursor !== undefined) {
    const place = decodeCursor(tag, input.cursor, 2);
    if (!place || !isKeyNumber(place[0]) || !isKeyNumber(place[1])) return badCursor();
    after = [Number(place[0]), Number(place[1])];
  }
  const ids = [access.programId];
  const [milestones, decisions, actions] = await Promise.all([
    r.listMilestones(access.programId),
    r.listDecisions(ids),
    r.listActions(ids),
  ]);
  const all = needsOwner({ milestones, decisions, actions });
  const from = after;
  const rest =
    from === null
      ? all
      : all.filter((i) => {
          const [k, n] = needsOwnerPlace(i);
          return k > from[0] || (k === from[0] && n > from[1]);
        });
  const page = pageOf(rest, input.limit, (last) => encodeCursor(tag, needsOwnerPlace(last)));
  const owners = byId(await r.findUsers(page.items.flatMap((i) => (i.ownerId ? [i.ownerId] : []))));
  return ok({
    programCode: program.code,
    nextCursor: page.nextCursor,
    items: page.items.map((item) => ({ item, owner: item.ownerId ? (owners.get(item.ownerId) ?? null) : null })),
  });
}
