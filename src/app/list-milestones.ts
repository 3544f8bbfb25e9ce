import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { loadPlanFacts, noFacts, signalsFrom } from './plan/plan-facts.js';
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
  const now = deps.clock.now();
  const today = programToday(p, now);
  const userById = byId(users);
  const facts = (
    await loadPlanFacts(
      r,
      [{ program: p, id: access.programId }],
      now,
      () => milestones,
      () => actions,
    )
  ).get(p.id);
  const signals = signalsFrom(facts ?? noFacts);
  return ok(milestones.map((m) => milestoneView(p, m, today, userById, blockers, signals(m))));
}
