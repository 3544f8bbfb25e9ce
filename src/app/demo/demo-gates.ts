import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import { pickReviewMilestone } from '../../domain/gates/instantiate.js';
import type { Milestone } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { addEvidence } from '../gates/add-evidence.js';
import { decideGate } from '../gates/decide.js';
import { type GateDetailView, gateDetailView, type ProgramGatesView, programGatesView } from '../gates/gate-view.js';
import { bareGateFacts } from '../gates/gate-write.js';
import { updateGate } from '../gates/update-gate.js';
import { acceptItem, rejectItem, submitItem } from '../gates/work-item.js';
import { authorize } from '../get-program.js';
import { demoEvidence } from './demo-evidence.js';

// The demo's gates, worked through the same use cases as anyone's: reviews planned on each program's
// gate review milestones, the gates of its past passed one by one on their review day (evidence
// attached and submitted by each item's owner, accepted by someone else, then a go by the decider), and the
// current gate under way.

interface DemoClock {
  set(d: PlainDate, hourUtc?: number): void;
}

const bd = (d: PlainDate, n: number) => addBusinessDays(mondayToFriday, d, n);

/** What a demo item's owner writes when they submit: where the evidence is and what it shows. */
const evidenceNote = (program: Program, key: string, title: string) =>
  `${title}: signed record ${program.code}/${key} filed in the program folder; summary attached to the gate review pack.`;

export interface DemoGateCast {
  readonly program: Program;
  /** Everyone who may act on the program, by id. */
  readonly people: ReadonlyMap<string, Actor>;
  readonly owner: Actor;
  readonly decider: Actor;
}

const person = (cast: DemoGateCast, id: string | null): Actor => (id ? cast.people.get(id) : undefined) ?? cast.owner;

/** Each gate's planned review: the program's gate review milestone of its phase (the cadence owner sets it). */
export async function planDemoGates(d: AppDeps, cast: DemoGateCast, milestones: readonly Milestone[]): Promise<void> {
  const gates = (await demoGates(d, cast)).gates;
  for (const g of gates) {
    const review = pickReviewMilestone(g.key, milestones);
    if (!review || g.reviewMilestoneId === review.id) continue;
    unwrap(
      await updateGate(d, {
        programId: cast.program.id,
        gateKey: g.key,
        actor: cast.owner,
        version: g.version,
        reviewMilestoneId: review.id,
        reason: 'Gate reviews planned on the kick-off plan',
      }),
    );
  }
}

/** The program's gates and items read back as the cadence owner sees them: the records alone (bare facts), naming nothing the loader has no use for. */
async function demoGateFacts(d: AppDeps, cast: DemoGateCast) {
  const { program } = unwrap(authorize(cast.owner, cast.program));
  const [gates, items] = await Promise.all([d.store.reads.listGates(program.id), d.store.reads.listChecklistItems(program.id)]);
  return { program, facts: bareGateFacts({ gates, items }) };
}

/** The program's gates in order and its current phase (what listGates answers, from the records alone). */
export async function demoGates(d: AppDeps, cast: DemoGateCast): Promise<ProgramGatesView> {
  const { program, facts } = await demoGateFacts(d, cast);
  return programGatesView(program, facts, d.clock.now());
}

async function gateOf(d: AppDeps, cast: DemoGateCast, key: string): Promise<GateDetailView> {
  const { program, facts } = await demoGateFacts(d, cast);
  const gate = facts.gates.find((g) => g.key === key);
  if (!gate) throw new Error(`${program.code} has no gate ${key}`);
  return gateDetailView(program, facts, gate, d.clock.now());
}

/** Someone other than the submitter who may review the item: the gate owner, else a quality owner, else the decider. */
function reviewerOf(cast: DemoGateCast, gate: GateDetailView, submitterId: string, qualityIds: readonly string[]): Actor {
  const id = [gate.ownerId, ...qualityIds].find((x) => x !== null && x !== submitterId);
  return id ? person(cast, id) : cast.decider;
}

/** The item's owner submits evidence; a reviewer accepts it (or rejects it, saying why). */
async function review(
  d: AppDeps,
  clock: DemoClock,
  cast: DemoGateCast,
  gate: GateDetailView,
  itemKey: string,
  on: { submit: PlainDate; review: PlainDate },
  verdict: 'accept' | 'reject' | 'none',
  qualityIds: readonly string[],
): Promise<GateDetailView> {
  const gateKey = gate.key;
  let g = gate;
  let item = g.items.find((i) => i.key === itemKey);
  if (!item) return g;
  const submitter = person(cast, item.ownerId);
  clock.set(on.submit, 6);
  const base = { programId: cast.program.id, gateKey, itemKey };
  // The owner attaches one piece of evidence (a link, a signed record or a chart) before submitting.
  unwrap(await addEvidence(d, { ...base, actor: submitter, evidence: demoEvidence(cast.program, item) }));
  g = unwrap(
    await submitItem(d, { ...base, actor: submitter, version: item.version, note: evidenceNote(cast.program, item.key, item.title) }),
  );
  item = g.items.find((i) => i.key === itemKey);
  if (!item || verdict === 'none') return g;
  clock.set(on.review, 8);
  const reviewer = reviewerOf(cast, g, submitter.id, qualityIds);
  if (verdict === 'accept')
    return unwrap(await acceptItem(d, { ...base, actor: reviewer, version: item.version, comment: 'Checked against the close criteria.' }));
  return unwrap(
    await rejectItem(d, {
      ...base,
      actor: reviewer,
      version: item.version,
      comment: 'The record is not signed by the client yet; resubmit with the signed copy.',
    }),
  );
}

export interface PassOptions {
  /** A conditional go: the condition's text, owner and due date. */
  readonly condition?: { readonly text: string; readonly owner: Actor; readonly dueDate: PlainDate } | undefined;
}

/** Passes the gate on its review day: every required item's evidence submitted and accepted, then the decider's go. */
export async function passDemoGate(
  d: AppDeps,
  clock: DemoClock,
  cast: DemoGateCast,
  gateKey: string,
  on: PlainDate,
  qualityIds: readonly string[],
  options: PassOptions = {},
): Promise<void> {
  let ready = await gateOf(d, cast, gateKey);
  if (ready.status === 'passed' || ready.status === 'passed_with_conditions') return;
  for (const item of ready.items.filter((i) => i.isRequired && i.state !== 'accepted' && i.state !== 'waived')) {
    ready = await review(d, clock, cast, ready, item.key, { submit: bd(on, -4), review: bd(on, -2) }, 'accept', qualityIds);
  }
  clock.set(on, 7);
  const decider = ready.decidedBy === 'gate_owner' ? person(cast, ready.ownerId) : cast.decider;
  const c = options.condition;
  unwrap(
    await decideGate(d, {
      programId: cast.program.id,
      gateKey,
      actor: decider,
      version: ready.version,
      outcome: c ? 'conditional_go' : 'go',
      rationale: c
        ? `${gateKey} close criteria met but one point, which is set as a condition with an owner and a date.`
        : `${gateKey} close criteria met; every required item accepted at the review.`,
      conditions: c ? [{ text: c.text, ownerId: c.owner.id, dueDate: c.dueDate }] : undefined,
    }),
  );
}

/**
 * The current gate under way. On course where the program is: every required item due by today
 * accepted. Where it struggles: the first two accepted, one awaiting review, one rejected, the rest
 * left as they are (some overdue: the gate is at risk once its warning period has begun).
 */
export async function workDemoCurrentGate(
  d: AppDeps,
  clock: DemoClock,
  cast: DemoGateCast,
  today: PlainDate,
  struggling: boolean,
  qualityIds: readonly string[],
): Promise<void> {
  const list = await demoGates(d, cast);
  const current = list.phase.kind === 'gate' ? list.phase.gateKey : null;
  if (!current) return;
  let g = await gateOf(d, cast, current);
  const open = g.items.filter((i) => i.isRequired && i.state === 'open');
  const days = { submit: bd(today, -6), review: bd(today, -4) };
  if (!struggling) {
    for (const i of open.filter((x) => x.dueDate !== null && x.dueDate <= today))
      g = await review(d, clock, cast, g, i.key, days, 'accept', qualityIds);
    const next = g.items.find((i) => i.isRequired && i.state === 'open');
    if (next) await review(d, clock, cast, g, next.key, { submit: bd(today, -1), review: today }, 'none', qualityIds);
    return;
  }
  const [first, second, third, fourth] = open;
  if (first) g = await review(d, clock, cast, g, first.key, days, 'accept', qualityIds);
  if (second) g = await review(d, clock, cast, g, second.key, days, 'accept', qualityIds);
  if (third) g = await review(d, clock, cast, g, third.key, { submit: bd(today, -1), review: today }, 'none', qualityIds);
  if (fourth) await review(d, clock, cast, g, fourth.key, { submit: bd(today, -5), review: bd(today, -3) }, 'reject', qualityIds);
}
