import { openAction } from '../../domain/action.js';
import { diffFields } from '../../domain/change.js';
import { decide, decisionFields, requestDecision } from '../../domain/decision.js';
import { type ConditionDraft, decideGate as decideOutcome, type OpenCondition } from '../../domain/gates/decide-gate.js';
import { type GateCondition, type GateOutcome, gateOrder, type RecycleReason } from '../../domain/gates/gate.js';
import { recordRecommendation } from '../../domain/gates/record-recommendation.js';
import type { UserId } from '../../domain/ids.js';
import type { Result } from '../../domain/result.js';
import { insertDecision } from '../decisions/decision-write.js';
import type { AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import { noticeActionAssigned } from '../notifications/notify.js';
import type { Tx } from '../ports.js';
import { must } from '../transact.js';
import { programToday } from '../views.js';
import { updateRecord } from '../write-record.js';
import type { GateDetailView } from './gate-view.js';
import { checkVersion, type GateScope, type GateTarget, gateWrite, writeGate, writeItem } from './gate-write.js';

const outcomeWords: Record<GateOutcome, string> = {
  go: 'go',
  conditional_go: 'conditional go',
  hold: 'hold',
  recycle: 'recycle',
  stop: 'stop',
};

/** A gatekeeper named on the gate records a recommendation for this review round. */
export function recommendGate(
  deps: AppDeps,
  input: GateTarget & { readonly version: number; readonly recommendation: GateOutcome; readonly comment?: string | undefined },
): Promise<Result<GateDetailView>> {
  return gateWrite(deps, input, 'gate.decide', async ({ scope, tx, program, meta }) => {
    checkVersion(scope.gate, input.version);
    const e = must(recordRecommendation(scope.gate, input.actor.id, input.recommendation, input.comment ?? '', meta.at));
    await writeGate(tx, program, scope.gate, { next: { ...scope.gate, ...e.next }, changes: e.changes }, meta);
  });
}

/** Conditions set by earlier conditional gos whose actions are not closed yet. */
async function openConditions(tx: Tx, scope: GateScope, programId: Parameters<Tx['findAction']>[0]): Promise<OpenCondition[]> {
  const out: OpenCondition[] = [];
  for (const g of scope.gates) {
    for (const c of g.decision?.conditions ?? []) {
      if (!c.actionId) continue;
      const a = await tx.findAction(programId, c.actionId);
      if (a && a.status !== 'closed') out.push({ gateKey: g.key, actionKey: a.key, title: a.title });
    }
  }
  return out.sort((a, b) => gateOrder(a.gateKey) - gateOrder(b.gateKey));
}

export interface DecideGateInput extends GateTarget {
  readonly version: number;
  readonly outcome: GateOutcome;
  /** Why: kept as the decision's rationale in the decision log. */
  readonly rationale: string;
  readonly expectedImpact?: string | undefined;
  readonly conditions?: readonly ConditionDraft[] | undefined;
  readonly reasons?: readonly RecycleReason[] | undefined;
}

/**
 * The decider records the gate's outcome at its review, as a decided decision in the decision log
 * (D-n): go and conditional go only when the gate is ready (the evidence is frozen with it); each
 * condition of a conditional go becomes an owned, dated action; recycle reopens the items its reasons
 * name; stop closes the program. One transaction.
 */
export function decideGate(deps: AppDeps, input: DecideGateInput): Promise<Result<GateDetailView>> {
  return gateWrite(deps, input, 'gate.decide', async ({ scope, tx, program, meta, metaForAnother, now }) => {
    const { gate } = scope;
    checkVersion(gate, input.version);
    const today = programToday(program, now);
    const decisionId = deps.newId();
    // The gate rules first: a gate that may not pass (or a decider who may not decide) writes nothing.
    const outcome = must(
      decideOutcome(
        gate,
        scope.items.filter((i) => i.gateId === gate.id),
        {
          outcome: input.outcome,
          by: input.actor.id,
          at: meta.at,
          today,
          decisionId,
          people: scope.people,
          conditions: input.conditions ?? [],
          reasons: input.reasons,
          programGates: scope.gates,
          openConditions: await openConditions(tx, scope, program.id),
          evidence: await tx.listEvidence(program.id),
        },
      ),
    );
    // The decision log's entry, decided by the decider now, with the gate's outcome and the rationale.
    const key = await tx.nextKey(program.id, 'D');
    const requested = must(
      requestDecision({
        id: decisionId,
        programId: program.id,
        key,
        statement: `${gate.key} ${gate.name}: ${outcomeWords[input.outcome]}`,
        context: `Gate review of ${gate.key}. Close criteria: ${gate.closeCriteria}`,
        ownerId: input.actor.id,
        requestedById: input.actor.id,
        dueDate: today,
      }),
    );
    const decided = must(
      decide(
        requested.next,
        {
          outcome: outcomeWords[input.outcome],
          rationale: input.rationale,
          expectedImpact: input.expectedImpact?.trim() || `${gate.key} is ${outcomeWords[input.outcome]}.`,
        },
        input.actor.id,
        meta.at,
      ),
    );
    await insertDecision(tx, { next: decided.next, changes: diffFields(null, decided.next, decisionFields) }, metaForAnother());
    // Each condition becomes an action (A-n) owned and dated as the decider set it.
    const opened: GateCondition[] = [];
    for (const c of outcome.conditions) {
      await checkOwner(tx, program, c.ownerId);
      const action = must(
        openAction({
          id: deps.newId(),
          programId: program.id,
          key: await tx.nextKey(program.id, 'A'),
          title: c.text.length > 200 ? `${c.text.slice(0, 197)}…` : c.text,
          description: `Condition of the conditional go of ${gate.key} ${gate.name} (${key}): ${c.text}`,
          ownerId: c.ownerId as UserId,
          dueDate: c.dueDate,
          severity: 'high',
          blocksMilestoneId: null,
          riskId: null,
          checkDate: null,
        }),
      );
      const { id, version: _v, ...values } = action.next;
      await tx.write({
        op: 'insert',
        entity: 'action',
        id,
        programId: program.id,
        entityKey: action.next.key,
        values,
        changes: action.changes,
        meta: metaForAnother(),
      });
      await noticeActionAssigned(deps, tx, { actorId: meta.actorId, at: meta.at }, program, action.next);
      opened.push({ ...c, actionId: id, actionKey: action.next.key });
    }
    const decision = outcome.gate.next.decision;
    const next = { ...gate, ...outcome.gate.next, decision: decision ? { ...decision, conditions: opened } : null };
    await writeGate(tx, program, gate, { next, changes: diffFields(gate, next, ['status', 'recommendations', 'decision']) }, meta);
    for (const e of outcome.items) {
      const before = scope.items.find((i) => i.id === e.next.id);
      if (before) await writeItem(tx, program, before, e, metaForAnother());
    }
    if (input.outcome === 'stop' && program.status !== 'closed') {
      await updateRecord(
        deps,
        tx,
        {
          entity: 'program',
          id: program.id,
          programId: program.id,
          entityKey: program.code,
          meta: metaForAnother(`Stopped at ${gate.key} (${key})`),
        },
        program,
        { status: 'closed' },
      );
    }
  });
}
