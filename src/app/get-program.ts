import { type Authorized, accessProgram, type ProgramAccess } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import { ok, type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import type { Reads } from './ports.js';
import { type ProgramSummary, programSummaries } from './program-summary.js';
import { byId, type ProgramView, programView, programViewPeople } from './views.js';

/** A program someone may see, its id the proof of it. */
export type AuthorizedProgram = Authorized<Program>;

export interface AccessibleProgram {
  readonly program: AuthorizedProgram;
  readonly access: ProgramAccess;
}

/** The program with its id as the proof of access, when the person may see it; refused like a missing one otherwise. */
export function authorize(actor: Actor, program: Program): Result<AccessibleProgram> {
  const access = accessProgram(actor, program);
  if (!access.ok) return refuse('PROGRAM_NOT_FOUND', `No program "${program.code}".`);
  return ok({ program: { ...program, id: access.value.programId }, access: access.value });
}

/**
 * Finds a program by id or code that the actor may see; a program they may not see is refused
 * exactly like one that does not exist.
 */
export async function findAccessibleProgram(reads: Reads, actor: Actor, idOrCode: string): Promise<Result<AccessibleProgram>> {
  const program = await reads.findProgram(idOrCode);
  if (!program) return refuse('PROGRAM_NOT_FOUND', `No program "${idOrCode}".`);
  const found = authorize(actor, program);
  return found.ok ? found : refuse('PROGRAM_NOT_FOUND', `No program "${idOrCode}".`);
}

/** One program with its derived health and what the actor may do on it. */
export async function getProgram(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<ProgramView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const now = deps.clock.now();
  const [client, summary] = await Promise.all([r.findClient(p.clientId), programSummary(deps, p, now)]);
  if (!client) throw new Error(`program ${p.id} references missing client ${p.clientId}`);
  const users = byId(await r.findUsers(programViewPeople(p, summary)));
  return ok(programView(p, access, client, users, now, summary));
}

/** One program's derived figures and plan facts, as kept per revision (app/program-summary.ts). */
export async function programSummary(deps: AppDeps, program: AuthorizedProgram, now: Date): Promise<ProgramSummary> {
  const s = (await programSummaries(deps.store, deps.store.reads, [{ program, id: program.id }], now)).get(program.id);
  if (!s) throw new Error(`no summary of program ${program.id}`);
  return s;
}
