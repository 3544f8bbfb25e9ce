import type { Actor, AppDeps } from '../../src/app/deps.js';
import { decideGate } from '../../src/app/gates/decide.js';
import type { GateDetailView } from '../../src/app/gates/gate-view.js';
import { getGate, listGates } from '../../src/app/gates/get-gates.js';
import { updateGate } from '../../src/app/gates/update-gate.js';
import { acceptItem, rejectItem, submitItem } from '../../src/app/gates/work-item.js';
import { ok, type Result } from '../../src/domain/result.js';

// The synthetic portfolio's gates, worked through the same use cases as anyone's: each gate's review
// planned on its phase's review milestone, the gates whose review milestone is done passed just before
// (every required item submitted by its owner and accepted by someone else, then the decider's go), and
// the current gate under way (most items due by now accepted, some left overdue or rejected, so that
// some gates are at risk, as in a real portfolio).

/** Who acts on one program's gates: everyone by id, the cadence owner who plans, and the decision owner. */
export interface GateCast {
  readonly people: ReadonlyMap<string, Actor>;
  readonly owner: Actor;
  readonly decider: Actor;
}

const personOf = (cast: GateCast, id: string | null): Actor => (id ? cast.people.get(id) : undefined) ?? cast.owner;

const must = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what} refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** The cadence owner plans each gate's review on the given milestone (by gate key). */
export async function planGateReviews(
  d: AppDeps,
  programId: string,
  cast: GateCast,
  reviewOf: ReadonlyMap<string, string>,
): Promise<Result<number>> {
  const gates = must(await listGates(d, { programId, actor: cast.owner }), 'listGates').gates;
  let planned = 0;
  for (const g of gates) {
    const reviewMilestoneId = reviewOf.get(g.key);
    if (!reviewMilestoneId || g.reviewMilestoneId === reviewMilestoneId) continue;
    must(
      await updateGate(d, {
        programId,
        gateKey: g.key,
        actor: cast.owner,
        version: g.version,
        reviewMilestoneId,
        reason: 'Gate reviews planned on the kick-off plan',
      }),
      'updateGate',
    );
    planned++;
  }
  return ok(planned);
}

/** Someone other than the submitter who may review: the gate owner, else a quality owner, else the decider. */
function reviewerOf(cast: GateCast, gate: GateDetailView, submitterId: string, qualityIds: readonly string[]): Actor {
  const id = [gate.ownerId, ...qualityIds].find((x) => x !== null && x !== submitterId);
  return id ? personOf(cast, id) : cast.decider;
}

async function review(
  d: AppDeps,
  programId: string,
  cast: GateCast,
  gate: GateDetailView,
  itemKey: string,
  verdict: 'accept' | 'reject' | 'none',
  qualityIds: readonly string[],
): Promise<GateDetailView> {
  const item = gate.items.find((i) => i.key === itemKey);
  if (!item) return gate;
  const submitter = personOf(cast, item.ownerId);
  const base = { programId, gateKey: gate.key, itemKey };
  const note = `${item.title}: signed record filed in the program folder.`;
  const submitted = must(await submitItem(d, { ...base, actor: submitter, version: item.version, note }), 'submitItem');
  const now = submitted.items.find((i) => i.key === itemKey);
  if (!now || verdict === 'none') return submitted;
  const reviewer = reviewerOf(cast, submitted, submitter.id, qualityIds);
  if (verdict === 'accept')
    return must(
      await acceptItem(d, { ...base, actor: reviewer, version: now.version, comment: 'Checked against the close criteria.' }),
      'acceptItem',
    );
  return must(
    await rejectItem(d, {
      ...base,
      actor: reviewer,
      version: now.version,
      comment: 'Not signed by the client yet; resubmit the signed copy.',
    }),
    'rejectItem',
  );
}

const passed = (g: { status: string }) => g.status === 'passed' || g.status === 'passed_with_conditions';

/**
 * Passes the gates up to `gateKey` not yet passed, in order (a gate passes only after those ahead of
 * it): each required item's evidence submitted and accepted, then the decider's go. Returns the
 * use-case calls made.
 */
export async function passGatesUpTo(
  d: AppDeps,
  programId: string,
  cast: GateCast,
  gateKey: string,
  qualityIds: readonly string[],
): Promise<Result<number>> {
  const gates = must(await listGates(d, { programId, actor: cast.owner }), 'listGates').gates;
  let calls = 0;
  for (const g of gates) {
    if (!passed(g)) {
      let ready = must(await getGate(d, { programId, gateKey: g.key, actor: cast.owner }), 'getGate');
      for (const item of ready.items.filter((i) => i.isRequired && i.state !== 'accepted' && i.state !== 'waived')) {
        ready = await review(d, programId, cast, ready, item.key, 'accept', qualityIds);
        calls += 2;
      }
      const decider = ready.decidedBy === 'gate_owner' ? personOf(cast, ready.ownerId) : cast.decider;
      must(
        await decideGate(d, {
          programId,
          gateKey: g.key,
          actor: decider,
          version: ready.version,
          outcome: 'go',
          rationale: `${g.key} close criteria met; every required item accepted at the review.`,
        }),
        'decideGate',
      );
      calls++;
    }
    if (g.key === gateKey) break;
  }
  return ok(calls);
}

/**
 * The current gate (the first not passed) under way: its required items due by `today` submitted and
 * mostly accepted; with `struggling`, one in four of them left open (overdue) and one rejected, so the
 * gate turns at risk inside its warning period. Returns the use-case calls made.
 */
export async function workCurrentGate(
  d: AppDeps,
  programId: string,
  cast: GateCast,
  today: string,
  struggling: boolean,
  qualityIds: readonly string[],
): Promise<Result<number>> {
  const list = must(await listGates(d, { programId, actor: cast.owner }), 'listGates');
  const current = list.phase.kind === 'gate' ? list.phase.gateKey : null;
  if (!current) return ok(0);
  let g = must(await getGate(d, { programId, gateKey: current, actor: cast.owner }), 'getGate');
  const due = g.items.filter((i) => i.isRequired && i.state === 'open' && i.dueDate !== null && i.dueDate <= today);
  let calls = 0;
  for (const [k, item] of due.entries()) {
    const verdict = !struggling ? 'accept' : k % 4 === 3 ? 'skip' : k === 1 ? 'reject' : 'accept';
    if (verdict === 'skip') continue;
    g = await review(d, programId, cast, g, item.key, verdict, qualityIds);
    calls += 2;
  }
  return ok(calls);
}
