import type { ProgramId } from '../domain/ids.js';
import type { Milestone } from '../domain/milestone.js';
import type { AppDeps } from './deps.js';
import { byId, type ProgramView, programView } from './views.js';

/** Every program with its derived health, next milestone and owner: the portfolio. */
export async function listPrograms(deps: AppDeps): Promise<ProgramView[]> {
  const r = deps.store.reads;
  const [programs, clients, users] = await Promise.all([r.listPrograms(), r.listClients(), r.listUsers()]);
  const milestones = await r.listMilestonesOfPrograms(programs.map((p) => p.id));
  const byProgram = new Map<ProgramId, Milestone[]>();
  for (const m of milestones) {
    const list = byProgram.get(m.programId);
    if (list) list.push(m);
    else byProgram.set(m.programId, [m]);
  }
  const clientById = byId(clients);
  const userById = byId(users);
  const now = deps.clock.now();
  return programs.flatMap((p) => {
    const client = clientById.get(p.clientId);
    return client ? [programView(p, client, byProgram.get(p.id) ?? [], userById, now)] : [];
  });
}
