import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type GateDetailView, gateDetailView, type ProgramGatesView, programGatesView, readGateFacts } from './gate-view.js';

/** A program's gates with their readiness and its current phase, for everyone who may read the program. */
export async function listGates(
  deps: AppDeps,
  input: { readonly programId: string; readonly actor: Actor },
): Promise<Result<ProgramGatesView>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  return ok(programGatesView(program, await readGateFacts(reads, program, false), deps.clock.now()));
}

/** One gate with its checklist and evidence. */
export async function getGate(
  deps: AppDeps,
  input: { readonly programId: string; readonly gateKey: string; readonly actor: Actor },
): Promise<Result<GateDetailView>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const facts = await readGateFacts(reads, program, true);
  const ref = input.gateKey.trim();
  const gate = facts.gates.find((g) => g.id === ref) ?? facts.gates.find((g) => g.key.toLowerCase() === ref.toLowerCase());
  if (!gate) return refuse('GATE_NOT_FOUND', `${program.code} has no gate "${input.gateKey}".`);
  return ok(gateDetailView(program, facts, gate, deps.clock.now()));
}
