import { ok, type Result } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import { findProgramOrRefuse } from './get-program.js';
import { byId, type MilestoneView, milestoneView, programToday } from './views.js';

/** A program's milestones in plan order, each with its derived health. */
export async function listMilestones(deps: AppDeps, input: { programId: string }): Promise<Result<MilestoneView[]>> {
  const r = deps.store.reads;
  const found = await findProgramOrRefuse(r, input.programId);
  if (!found.ok) return found;
  const p = found.value;
  const [milestones, users] = await Promise.all([r.listMilestones(p.id), r.listUsers()]);
  const today = programToday(p, deps.clock.now());
  const userById = byId(users);
  return ok(milestones.map((m) => milestoneView(p, m, today, userById)));
}
