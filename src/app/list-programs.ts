import type { ProgramId } from '../domain/ids.js';
import type { Milestone } from '../domain/milestone.js';
import { accessProgram, type ProgramAccess } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Actor, AppDeps } from './deps.js';
import { loadPlanFacts, signalsFrom } from './plan/plan-facts.js';
import { byId, type ProgramView, programView, unavailableProgramView } from './views.js';

/** Every program the actor may see, with its derived health, next milestone and owner: the portfolio. */
export async function listPrograms(deps: AppDeps, input: { actor: Actor }): Promise<ProgramView[]> {
  const r = deps.store.reads;
  const [programs, clients, users] = await Promise.all([r.listPrograms(), r.listClients(), r.listUsers()]);
  const visible: { program: Program; access: ProgramAccess }[] = [];
  for (const program of programs) {
    const a = accessProgram(input.actor, program);
    if (a.ok) visible.push({ program, access: a.value });
  }
  const ids = visible.map((v) => v.access.programId);
  const [milestones, decisions, risks, actions] = await Promise.all([
    r.listMilestonesOfPrograms(ids),
    r.listDecisions(ids),
    r.listRisks(ids),
    r.listActions(ids),
  ]);
  const of = <T extends { programId: string }>(items: readonly T[], id: string) => items.filter((i) => i.programId === id);
  const byProgram = new Map<ProgramId, Milestone[]>();
  for (const m of milestones) {
    const list = byProgram.get(m.programId);
    if (list) list.push(m);
    else byProgram.set(m.programId, [m]);
  }
  const clientById = byId(clients);
  const userById = byId(users);
  const now = deps.clock.now();
  const actionsOf = (id: string) => of(actions, id);
  const facts = await loadPlanFacts(
    r,
    visible.map((v) => ({ program: v.program, id: v.access.programId })),
    now,
    (id) => byProgram.get(id as ProgramId) ?? [],
    actionsOf,
    true,
  );
  return visible.flatMap(({ program, access }) => {
    const client = clientById.get(program.clientId);
    if (!client) return [];
    const ms = byProgram.get(program.id) ?? [];
    const records = { decisions: of(decisions, program.id), risks: of(risks, program.id), actions: actionsOf(program.id) };
    try {
      const f = facts.get(program.id);
      if (!f) throw new Error(`plan facts of program ${program.id} could not be computed`);
      return [programView(program, access, client, ms, userById, now, records, signalsFrom(f))];
    } catch (failure) {
      return [{ ...unavailableProgramView(program, access, client, userById, now, ms), failure }];
    }
  });
}
