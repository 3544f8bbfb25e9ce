import { isGateSettled } from '../../domain/gates/gate-status.js';
import { principalOf } from '../auth/principal.js';
import type { AppDeps } from '../deps.js';
import { authorize } from '../get-program.js';
import { noticeAtRisk, readinessOf, riskSubject, type WatchedGate } from './gate-notices.js';

/** Programs per batch of the sweep: a constant number of reads and one transaction each. */
const riskSweepBatchSize = 100;

/** What a sweep found: gates looked at, and those at risk. */
export interface RiskSweep {
  readonly gates: number;
  readonly atRisk: number;
}

/**
 * The periodic check of gate readiness (readiness moves with the date, not only with writes): every
 * gate of the programs still running, not settled, is looked at on its program's today; one newly at
 * risk has its owner and the owners of the items not on course told once per spell, and the spells of
 * gates no longer at risk end. By batches of programs: reads outside, writes (notices and spells only)
 * in one transaction per batch. Safe on several instances at once: a spell opens in one upsert and a
 * notice's key is unique per person.
 */
export async function sweepGateRisks(deps: AppDeps): Promise<RiskSweep> {
  const reads = deps.store.reads;
  // Tollgate reads the programs as the workspace's first admin does (who sees every program), and writes no record.
  const admin = (await reads.listUsers()).find((u) => u.isAdmin && u.status === 'active');
  if (!admin) return { gates: 0, atRisk: 0 };
  const actor = await principalOf(reads, admin);
  const programs = (await reads.listPrograms())
    .filter((p) => p.status !== 'closed' && p.archivedAt === null)
    .flatMap((p) => {
      const a = authorize(actor, p);
      return a.ok ? [a.value.program] : [];
    });
  if (programs.length === 0) return { gates: 0, atRisk: 0 };
  const now = deps.clock.now();
  const at = now.toISOString();
  let looked = 0;
  let atRisk = 0;
  // Batches of programs, each read and written on its own (a notice's key and a spell are unique, so a
  // batch written twice changes nothing): the reads and the transaction stay bounded whatever the
  // portfolio's size, and on SQLite the server answers requests between batches.
  for (let i = 0; i < programs.length; i += riskSweepBatchSize) {
    const batch = programs.slice(i, i + riskSweepBatchSize);
    const ids = batch.map((p) => p.id);
    const [gates, items, milestones] = await Promise.all([
      reads.listGatesOfPrograms(ids),
      reads.listOpenRequiredItemsOfPrograms(ids),
      reads.listMilestonesOfPrograms(ids),
    ]);
    const milestoneById = new Map(milestones.map((m) => [m.id as string, m]));
    const programById = new Map(batch.map((p) => [p.id as string, p]));
    const itemsOf = new Map<string, (typeof items)[number][]>();
    for (const item of items) {
      const of = itemsOf.get(item.gateId);
      if (of) of.push(item);
      else itemsOf.set(item.gateId, [item]);
    }
    const found: { program: (typeof programs)[number]; watched: WatchedGate; readiness: ReturnType<typeof readinessOf> }[] = [];
    const calm: string[] = [];
    for (const gate of gates) {
      const program = programById.get(gate.programId);
      if (!program || isGateSettled(gate.status)) continue;
      looked++;
      const m = gate.reviewMilestoneId ? milestoneById.get(gate.reviewMilestoneId) : undefined;
      const watched: WatchedGate = {
        gate,
        plannedReviewDate: m ? (m.actualDate ?? m.forecastDate) : null,
        items: itemsOf.get(gate.id) ?? [],
      };
      const readiness = readinessOf(program, watched, now);
      if (readiness.level === 'at_risk') found.push({ program, watched, readiness });
      else calm.push(riskSubject(gate.id));
    }
    atRisk += found.length;
    await deps.store.transaction(async (tx) => {
      await tx.closeSpells(calm, at);
      for (const f of found) await noticeAtRisk(deps, tx, { actorId: null, at }, f.program, f.watched, f.readiness);
    });
  }
  return { gates: looked, atRisk };
}
