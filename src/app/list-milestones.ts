import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { blockersByMilestone, byId, type MilestoneView, milestoneView, programToday } from './views.js';

/** A program's milestones in plan order, each with its derived health. */
export async function listMilestones(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<MilestoneView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const [milestones, users, actions] = await Promise.all([
    r.listMilestones(access.programId),
    r.listUsers(),
    r.listActions([access.programId]),
  ]);
  const blockers = blockersByMilestone(actions);
  const today = programToday(p, deps.clock.now());
  const userById = byId(users);
  return ok(milestones.map((m) => milestoneView(p, m, today, userById, blockers)));
}
