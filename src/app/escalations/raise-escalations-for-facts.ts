import { type FloorFacts, factConditions } from '../../domain/escalations/conditions.js';
import type { Escalation } from '../../domain/escalations/escalation.js';
import { systemAccess } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { AppDeps } from '../deps.js';
import type { Tx, WriteMeta } from '../ports.js';
import { escalationScopes } from './escalation-scope.js';
import { raiseEscalations } from './raise-escalation.js';
import { ensureSystemActors } from './system-actor.js';

export type { FloorFacts } from '../../domain/escalations/conditions.js';

/**
 * The event triggers (late sample arrival, tolerance miss, defect threshold), run by the floor-event record
 * use case inside its own transaction: what the events meet is raised at once, the same business day, as
 * the trigger's system actor (`meta` is the events' write: its instant is the raise's). A condition already
 * escalated in its spell raises nothing; a refused event write leaves no escalation. The program's scope and
 * open escalations are read once for all the events (a CSV import's 2,000 rows). Answers what was raised.
 */
export async function raiseEscalationsForFacts(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  facts: readonly FloorFacts[],
  meta: Pick<WriteMeta, 'at'>,
): Promise<Escalation[]> {
  await ensureSystemActors(deps, tx);
  const memberships = await tx.listMembershipsOn(program);
  const scope = (await escalationScopes(tx, [program], memberships)).get(program.id);
  if (!scope) return [];
  const conditions = facts.flatMap((f) => factConditions(program.code, f, scope.triggers));
  if (conditions.length === 0) return [];
  const open = new Set((await tx.listOpenConditionKeys([systemAccess(program).programId])).map((e) => e.conditionKey));
  const { raised } = await raiseEscalations(
    deps,
    tx,
    conditions.map((condition) => ({ scope, condition, openKeys: open })),
    new Date(meta.at),
  );
  return [...raised];
}
