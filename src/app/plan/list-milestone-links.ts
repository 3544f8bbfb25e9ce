import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { byId } from '../views.js';
import { type MilestoneLinkView, milestoneLinkView } from './milestone-link-view.js';

/** The program's dependencies between milestones, for anyone who sees the program. */
export async function listMilestoneLinks(
  deps: AppDeps,
  input: { readonly programId: string; readonly actor: Actor },
): Promise<Result<MilestoneLinkView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { access } = found.value;
  const [links, milestones] = await Promise.all([r.listMilestoneLinks(access.programId), r.listMilestones(access.programId)]);
  const index = byId(milestones);
  return { ok: true, value: links.map((l) => milestoneLinkView(l, index)) };
}
