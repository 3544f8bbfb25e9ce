import type { BusinessCalendar } from '../../domain/calendar/build-calendar.js';
import type { GatePeople } from '../../domain/gates/gate.js';
import { instantiateGates, type PlanMilestone, type ProgramPeople, pickReviewMilestone } from '../../domain/gates/instantiate.js';
import type { ProgramTemplate } from '../../domain/gates/template.js';
import type { UserId } from '../../domain/ids.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Role } from '../../domain/roles.js';
import type { AppDeps } from '../deps.js';
import type { Reads, Tx, WriteMeta } from '../ports.js';
import { insertRecord } from '../write-record.js';

/** Who holds which role on the program (its own roles and its client's, first granted first), and its charter's decision owner. */
export async function programPeople(
  reads: Reads,
  program: Pick<Program, 'clientId' | 'ownerId'> & { readonly id: AuthorizedProgramId },
): Promise<ProgramPeople> {
  const holders: Partial<Record<Role, UserId[]>> = {};
  // The program's own roles first: who was named for this program owns its gates before a client-wide role holder.
  const [members, charter] = await Promise.all([reads.listMembersOn(program), reads.findCharter(program.id)]);
  const memberships = [...members].sort((a, b) => Number(a.programId === null) - Number(b.programId === null));
  for (const m of memberships) {
    const list = holders[m.role] ?? [];
    if (!list.includes(m.userId)) list.push(m.userId);
    holders[m.role] = list;
  }
  return { holders, programOwnerId: program.ownerId, decisionOwnerId: charter?.charter.decisionOwnerId ?? null };
}

/** Who the gate rules name on the program: the decision owner (the charter's, else the first holder of the role) and its quality owners. */
export const gatePeopleOf = (people: ProgramPeople): GatePeople => ({
  decisionOwnerId: people.decisionOwnerId ?? people.holders.decision_owner?.[0] ?? null,
  qualityOwnerIds: people.holders.quality_owner ?? [],
});

/**
 * Writes a program's gates and checklist items made from a template, each through the one write path
 * (one write per record, all under the same actor, instant and reason). `reviews` names the milestone
 * that is each gate's planned review; without one, the gate's review is taken from the plan as it is.
 */
export async function writeGates(
  deps: AppDeps,
  tx: Tx,
  meta: () => WriteMeta,
  program: Pick<Program, 'clientId' | 'ownerId'> & { readonly id: AuthorizedProgramId },
  template: ProgramTemplate,
  calendar: BusinessCalendar,
  reviews?: Readonly<Record<string, PlanMilestone | null>>,
): Promise<void> {
  let chosen = reviews;
  if (!chosen) {
    const plan = await tx.listMilestones(program.id);
    chosen = Object.fromEntries(template.gates.map((g) => [g.key, pickReviewMilestone(g.key, plan)]));
  }
  const people = await programPeople(tx, program);
  const made = instantiateGates(template, chosen, people, calendar, program.id, deps.newId);
  for (const { id, ...values } of made.gates) {
    await insertRecord(deps, tx, { entity: 'gate', id, programId: program.id, entityKey: values.key, meta: meta() }, values);
  }
  for (const { id, ...values } of made.items) {
    await insertRecord(
      deps,
      tx,
      { entity: 'checklist_item', id, programId: program.id, entityKey: values.key, meta: meta() },
      { ...values, programId: program.id },
    );
  }
}
