import { type Condition, type ShipmentFact, slipWindowDays, timeConditions } from '../../domain/escalations/conditions.js';
import { type Escalation, isDueToExpire } from '../../domain/escalations/escalation.js';
import type { TriggerKind } from '../../domain/escalations/triggers.js';
import { addDays, dateInZone } from '../../domain/plain-date.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { AppDeps } from '../deps.js';
import { forecastMoves } from '../plan/get-plan.js';
import type { Reads } from '../ports.js';
import { programCalendar, programToday } from '../views.js';
import { type EscalationScope, escalationScopes } from './escalation-scope.js';
import { expireEscalations, raiseEscalations, spellSubject, type Wanted } from './raise-escalation.js';
import { ensureSystemActors } from './system-actor.js';

/** What one sweep did. */
export interface SweepReport {
  /** Programs looked at (active ones). */
  readonly programs: number;
  readonly raised: number;
  /** Escalations past their deadline that stayed, expired (no level left, or the trigger does not climb). */
  readonly expired: number;
  /** Escalations past their deadline that climbed a level of the escalation path. */
  readonly climbed: number;
  /** Conditions that held but whose action owner could be named by nobody (no one in the role, no program owner, no path). */
  readonly unowned: number;
}

/** Programs per batch: one transaction and a constant number of reads per batch. */
export const sweepBatchSize = 100;

/** The kinds the sweep finds by time: their spells end when the sweep no longer finds them. */
const sweptKinds: ReadonlySet<TriggerKind> = new Set([
  'missed_milestone',
  'forecast_slip',
  'overdue_action',
  'overdue_decision',
  'risk_score',
  'gate_at_risk',
  'late_sample_arrival',
]);

/** The sample shipments not yet arrived of these programs (one read per batch), by program. */
async function unarrivedShipments(reads: Reads, programIds: readonly AuthorizedProgramId[]): Promise<Map<string, ShipmentFact[]>> {
  const out = new Map<string, ShipmentFact[]>();
  for (const s of await reads.listUnarrivedShipments(programIds))
    out.set(s.programId, [
      ...(out.get(s.programId) ?? []),
      { eventId: s.key, title: s.title, expectedDate: s.expectedOn, arrivedDate: null },
    ]);
  return out;
}

/**
 * The time-based triggers over every active program at the clock's now: conditions found (a milestone
 * missed, a forecast slip, an action or decision overdue, a risk scoring high, a gate at risk, a sample
 * late) raise their escalation unless one is open or was raised in the condition's spell; spells of
 * conditions no longer found end; escalations past their deadline climb the escalation path or expire.
 * Batches of programs, each one transaction under the sweep's lock, so sweeps on several instances run one
 * after another and each reads what the one before wrote: idempotent, nothing raised twice.
 */
export async function sweepEscalations(deps: AppDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  await deps.store.transaction((tx) => ensureSystemActors(deps, tx));
  const programs = (await deps.store.reads.listPrograms()).filter((p) => p.status === 'active' && p.archivedAt === null);
  const memberships = await deps.store.reads.listMemberships();
  const report = { programs: programs.length, raised: 0, expired: 0, climbed: 0, unowned: 0 };
  for (let i = 0; i < programs.length; i += sweepBatchSize) {
    const batch = programs.slice(i, i + sweepBatchSize);
    await deps.store.transaction(async (tx) => {
      await tx.lock('escalations');
      const scopes = await escalationScopes(tx, batch, memberships);
      const ids = [...scopes.values()].map((s) => s.programId);
      const since = new Date(now.getTime() - slipWindowDays * 86_400_000).toISOString();
      const [milestones, actions, decisions, risks, gates, items, changes, open, dueNow, spells, shipments] = await Promise.all([
        // Only what can hold a condition: milestones without an actual date (missed, slipped, a gate's review
        // ahead) and open actions already due where the day is furthest ahead (UTC+14), not every record.
        tx.listOpenMilestoneDatesOfPrograms(ids),
        tx.listOpenActionsDueBefore(ids, addDays(dateInZone(now, 'UTC'), 2)),
        tx.listOpenDecisionsOfPrograms(ids),
        tx.listRisks(ids),
        tx.listGatesOfPrograms(ids),
        tx.listOpenRequiredItemsOfPrograms(ids),
        tx.listMilestoneFieldChanges(ids, ['forecastDate'], { since }),
        tx.listOpenConditionKeys(ids),
        tx.listEscalationsDue(ids, now.toISOString()),
        tx.listOpenSpells(ids.map((id) => spellSubject(id, ''))),
        unarrivedShipments(tx, ids),
      ]);
      const by = <T extends { readonly programId: string }>(list: readonly T[]) => {
        const m = new Map<string, T[]>();
        for (const x of list) {
          const of = m.get(x.programId);
          if (of) of.push(x);
          else m.set(x.programId, [x]);
        }
        return m;
      };
      const [mOf, aOf, dOf, rOf, gOf, iOf, eOf] = [by(milestones), by(actions), by(decisions), by(risks), by(gates), by(items), by(open)];
      const dueOf = by(dueNow);
      const moves = forecastMoves(changes);
      const openSpells = new Set(spells);
      // Each open spell under its program (escalation:<program id>:<condition>; a program id holds no colon).
      const spellsOf = new Map<string, string[]>();
      const head = spellSubject('', '').length - 1;
      for (const s of spells) {
        const id = s.slice(head, s.indexOf(':', head));
        const of = spellsOf.get(id);
        if (of) of.push(s);
        else spellsOf.set(id, [s]);
      }
      const toClose: string[] = [];
      const wanted: Wanted[] = [];
      const due: [EscalationScope, Escalation][] = [];
      for (const scope of scopes.values()) {
        const p: Program = scope.program;
        const found: Condition[] = timeConditions({
          code: p.code,
          today: programToday(p, now),
          now,
          calendar: programCalendar(p),
          triggers: scope.triggers,
          milestones: mOf.get(p.id) ?? [],
          recentMoves: moves,
          actions: aOf.get(p.id) ?? [],
          decisions: dOf.get(p.id) ?? [],
          risks: rOf.get(p.id) ?? [],
          gates: gOf.get(p.id) ?? [],
          openRequiredItems: iOf.get(p.id) ?? [],
          shipments: shipments.get(p.id) ?? [],
        });
        const openKeys = new Set((eOf.get(p.id) ?? []).map((e) => e.conditionKey));
        const holding = new Set<string>();
        for (const c of found) {
          const subject = spellSubject(p.id, c.conditionKey);
          holding.add(subject);
          // In its spell already: raised before (perhaps resolved since); nothing to do.
          if (!openSpells.has(subject)) wanted.push({ scope, condition: c, openKeys });
        }
        const prefix = spellSubject(p.id, '');
        for (const s of spellsOf.get(p.id) ?? []) {
          if (holding.has(s)) continue;
          const kind = s.slice(prefix.length).split(':')[0] as TriggerKind;
          if (sweptKinds.has(kind)) toClose.push(s);
        }
        for (const e of dueOf.get(p.id) ?? []) if (isDueToExpire(e, now)) due.push([scope, e]);
      }
      const r = await raiseEscalations(deps, tx, wanted, now);
      report.raised += r.raised.length;
      report.unowned += r.unowned;
      const x = await expireEscalations(deps, tx, due, now);
      report.climbed += x.climbed;
      report.expired += x.expired;
      // A condition that cleared ends its spell: found again later, it raises anew (its old escalation stays until resolved).
      if (toClose.length > 0) await tx.closeSpells(toClose, now.toISOString());
    });
  }
  return report;
}
