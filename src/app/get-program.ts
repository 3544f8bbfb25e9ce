import type { Program } from '../domain/program.js';
import { ok, type Result, refuse } from '../domain/result.js';
import type { AppDeps } from './deps.js';
import type { Reads } from './ports.js';
import { byId, type ProgramView, programView } from './views.js';

/** Finds a program by id or code, or refuses with PROGRAM_NOT_FOUND. */
export async function findProgramOrRefuse(reads: Reads, idOrCode: string): Promise<Result<Program>> {
  const p = await reads.findProgram(idOrCode);
  return p ? ok(p) : refuse('PROGRAM_NOT_FOUND', `No program "${idOrCode}".`);
}

/** One program with its derived health. */
export async function getProgram(deps: AppDeps, input: { programId: string }): Promise<Result<ProgramView>> {
  const r = deps.store.reads;
  const found = await findProgramOrRefuse(r, input.programId);
  if (!found.ok) return found;
  const p = found.value;
  const [client, milestones, users] = await Promise.all([r.findClient(p.clientId), r.listMilestones(p.id), r.listUsers()]);
  if (!client) throw new Error(`program ${p.id} references missing client ${p.clientId}`);
  return ok(programView(p, client, milestones, byId(users), deps.clock.now()));
}
