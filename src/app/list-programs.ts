import { accessProgram } from '../domain/policy.js';
import type { Actor, AppDeps } from './deps.js';
import { programSummaries } from './program-summary.js';
import { byId, type ProgramView, programView, programViewPeople } from './views.js';

/**
 * Every program the actor may see, with its derived health, next milestone and owner: the portfolio.
 * The figures are kept per program revision (app/program-summary.ts), so a read works out only the
 * programs that changed since the last one; the people named are read by id. When `signal` aborts
 * (the caller left), the work stops at its next step with the signal's reason. Archived programs are
 * left out, unless `archived` asks for them alone.
 */
export async function listPrograms(
  deps: AppDeps,
  input: { actor: Actor; signal?: AbortSignal | undefined; archived?: boolean | undefined },
): Promise<ProgramView[]> {
  const r = deps.store.reads;
  const [programs, clients] = await Promise.all([r.listPrograms(), r.listClients()]);
  // The portfolio holds the programs in use; archived ones are listed on their own (still readable).
  const wanted = input.archived
    ? (p: { archivedAt: string | null }) => p.archivedAt !== null
    : (p: { archivedAt: string | null }) => p.archivedAt === null;
  const visible = programs.filter(wanted).flatMap((program) => {
    const a = accessProgram(input.actor, program);
    return a.ok ? [{ program, access: a.value, id: a.value.programId }] : [];
  });
  const now = deps.clock.now();
  const summaries = await programSummaries(deps.store, r, visible, now, input.signal);
  input.signal?.throwIfAborted();
  const users = byId(await r.findUsers(visible.flatMap((v) => programViewPeople(v.program, summaries.get(v.id)))));
  const clientById = byId(clients);
  return visible.flatMap(({ program, access, id }) => {
    const client = clientById.get(program.clientId);
    const summary = summaries.get(id);
    return client && summary ? [programView(program, access, client, users, now, summary)] : [];
  });
}
