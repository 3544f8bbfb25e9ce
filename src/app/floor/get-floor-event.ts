import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type FloorEventView, floorEventView } from './floor-event-view.js';

/** One floor event of a program by id or key (E-12), for anyone who sees the program. */
export async function getFloorEvent(
  deps: AppDeps,
  input: { programId: string; eventId: string; actor: Actor },
): Promise<Result<FloorEventView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const e = await r.findFloorEvent(access.programId, input.eventId.trim());
  if (!e) return refuse('EVENT_NOT_FOUND', `No floor event "${input.eventId}" in ${program.code}.`);
  return ok(await floorEventView(r, program, e, deps.clock.now()));
}
