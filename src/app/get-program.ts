import { type Authorized, accessProgram, type ProgramAccess } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import { ok, type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { loadPlanFacts, noFacts, signalsFrom } from './plan/plan-facts.js';
import type { Reads } from './ports.js';
import { byId, type ProgramView, programView } from './views.js';

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
  const ids = [access.programId];
  const [client, milestones, users, decisions, risks, actions] = await Promise.all([
    r.findClient(p.clientId),
    r.listMilestones(access.programId),
    r.listUsers(),
    r.listDecisions(ids),
    r.listRisks(ids),
    r.listActions(ids),
  ]);
  if (!client) throw new Error(`program ${p.id} references missing client ${p.clientId}`);
  const now = deps.clock.now();
  const facts = await loadPlanFacts(
    r,
    [{ program: p, id: access.programId }],
    now,
    () => milestones,
    () => actions,
  );
  const signals = signalsFrom(facts.get(p.id) ?? noFacts);
  return ok(programView(p, access, client, milestones, byId(users), now, { decisions, risks, actions }, signals));
}
