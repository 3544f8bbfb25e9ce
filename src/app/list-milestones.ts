import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram, programSummary } from './get-program.js';
import { noFacts, signalsFrom } from './plan/plan-facts.js';
import { byId, type MilestoneView, milestoneView, programToday } from './views.js';

/** A program's milestones in plan order, each with its derived health (plan facts kept per revision). */
export async function listMilestones(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<MilestoneView[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const now = deps.clock.now();
  const [milestones, summary] = await Promise.all([r.listMilestones(access.programId), programSummary(deps, p, now)]);
  const users = byId(await r.findUsers(milestones.flatMap((m) => (m.ownerId ? [m.ownerId] : []))));
  const facts = summary.ok ? summary.facts : noFacts;
  const today = programToday(p, now);
  const signals = signalsFrom(facts);
  return ok(milestones.map((m) => milestoneView(p, m, today, users, facts.blockersById, signals(m))));
}
