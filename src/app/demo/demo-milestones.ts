import type { Milestone } from '../../domain/milestone.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';

/** A program's milestones in plan order, as the person the demo acts as sees them: the records alone, without the health figures the loader has no use for. */
export async function demoMilestones(d: AppDeps, programId: string, as: Actor): Promise<Milestone[]> {
  const { access } = unwrap(await findAccessibleProgram(d.store.reads, as, programId));
  return d.store.reads.listMilestones(access.programId);
}
