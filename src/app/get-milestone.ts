import { ok, type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { view } from './milestone-write.js';
import type { MilestoneView } from './views.js';

/** One milestone by id or key (M-12), with its health as the program's milestone table shows it. */
export async function getMilestone(
  deps: AppDeps,
  input: { programId: string; milestoneId: string; actor: Actor },
): Promise<Result<MilestoneView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const milestone = await r.findMilestone(access.programId, input.milestoneId);
  if (!milestone) return refuse('MILESTONE_NOT_FOUND', `No milestone "${input.milestoneId}" in ${program.code}.`);
  return ok(await view(r, program, milestone, deps.clock.now(), deps.store));
}
