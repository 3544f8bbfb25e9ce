import { type EventEvidence, eventEvidence } from '../../domain/floor/event-evidence.js';
import type { ChecklistItem } from '../../domain/gates/checklist-item.js';
import { type CurrentPhase, currentPhase } from '../../domain/gates/current-phase.js';
import type { Evidence } from '../../domain/gates/evidence.js';
import type { GatePeople } from '../../domain/gates/gate.js';
import { type GateReadiness, gateReadiness } from '../../domain/gates/gate-readiness.js';
import type { Milestone } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { ChecklistItemRecord, GateRecord, Reads } from '../ports.js';
import { programCalendar, programToday } from '../views.js';
import { gatePeopleOf, programPeople } from './make-gates.js';

/** Someone a gate page names. */
export interface GatePerson {
  readonly id: string;
  readonly name: string;
}

export interface EvidenceView extends Evidence {
  /** Where the file is downloaded from (files only). */
  readonly downloadPath: string | null;
  /** The inspection or measurement an `event` piece names, with its verdict; null for other kinds. */
  readonly event: EventEvidence | null;
}

export interface ChecklistItemView extends Omit<ChecklistItemRecord, 'programId'> {
  readonly waiverDecisionKey: string | null;
  readonly evidence: readonly EvidenceView[];
}

export interface GateReviewMilestone {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly forecastDate: PlainDate;
  readonly actualDate: PlainDate | null;
}

/** Counts of a gate's checklist, for lists. */
export interface ChecklistCounts {
  readonly total: number;
  readonly required: number;
  /** Required items accepted or waived. */
  readonly satisfied: number;
  readonly submitted: number;
  readonly rejected: number;
}

export interface GateView extends Omit<GateRecord, 'programId'> {
  readonly programId: string;
  readonly programCode: string;
  readonly reviewMilestone: GateReviewMilestone | null;
  readonly plannedReviewDate: PlainDate | null;
  readonly readiness: GateReadiness;
  readonly counts: ChecklistCounts;
  /** The decision log's key of the last decision's entry (D-n). */
  readonly decisionKey: string | null;
}

export interface GateDetailView extends GateView {
  readonly items: readonly ChecklistItemView[];
  readonly people: readonly GatePerson[];
  /** The decision owner and quality owners the gate rules go by, so a page offers exactly the steps the server takes. */
  readonly reviewers: GatePeople;
}

export interface ProgramGatesView {
  readonly programId: string;
  readonly programCode: string;
  readonly today: PlainDate;
  readonly phase: CurrentPhase;
  readonly gates: readonly GateView[];
  readonly people: readonly GatePerson[];
}

/** Everything a gate page reads of a program, in a handful of reads. */
export interface GateFacts {
  readonly gates: readonly GateRecord[];
  readonly items: readonly ChecklistItemRecord[];
  readonly evidence: readonly Evidence[];
  /** The floor events evidence names, by id, as evidence shows them. */
  readonly events: ReadonlyMap<string, EventEvidence>;
  readonly milestones: ReadonlyMap<string, Milestone>;
  readonly decisionKeys: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, GatePerson>;
  /** Who the gate rules name as decision owner and quality owners (read for one gate's page only). */
  readonly reviewers: GatePeople | null;
}

const countsOf = (items: readonly ChecklistItem[]): ChecklistCounts => ({
  total: items.length,
  required: items.filter((i) => i.isRequired).length,
  satisfied: items.filter((i) => i.isRequired && (i.state === 'accepted' || i.state === 'waived')).length,
  submitted: items.filter((i) => i.state === 'submitted').length,
  rejected: items.filter((i) => i.state === 'rejected').length,
});

/** The ids a gate and its items name: owners, gatekeepers, who submitted and reviewed, who decided and recommended. */
function peopleIds(gates: readonly GateRecord[], items: readonly ChecklistItemRecord[], evidence: readonly Evidence[]): string[] {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  for (const g of gates) {
    add(g.ownerId);
    for (const k of g.gatekeeperIds) add(k);
    for (const r of g.recommendations) add(r.gatekeeperId);
    add(g.decision?.decidedById);
    for (const r of g.decision?.recommendations ?? []) add(r.gatekeeperId);
    for (const c of g.decision?.conditions ?? []) add(c.ownerId);
  }
  for (const i of items) {
    add(i.ownerId);
    add(i.submittedById);
    add(i.reviewedById);
  }
  for (const e of evidence) add(e.addedById);
  return [...ids];
}

/** Reads what the gate pages show of a program: its gates, items, evidence, review milestones, decisions' keys and people. */
export async function readGateFacts(reads: Reads, program: AuthorizedProgram, withEvidence: boolean): Promise<GateFacts> {
  const [gates, items, evidence, milestones, roles] = await Promise.all([
    reads.listGates(program.id),
    reads.listChecklistItems(program.id),
    withEvidence ? reads.listEvidence(program.id) : Promise.resolve([] as Evidence[]),
    reads.listMilestones(program.id),
    withEvidence ? programPeople(reads, program) : Promise.resolve(null),
  ]);
  const reviewers = roles ? gatePeopleOf(roles) : null;
  const decisionIds = [
    ...new Set([
      ...gates.flatMap((g) => (g.decision ? [g.decision.decisionId] : [])),
      ...items.flatMap((i) => (i.waiverDecisionId ? [i.waiverDecisionId] : [])),
    ]),
  ];
  const decisions = decisionIds.length === 0 ? [] : await reads.findDecisions(decisionIds);
  const ids = [
    ...new Set([
      ...peopleIds(gates, items, evidence),
      ...(reviewers ? [reviewers.decisionOwnerId ?? '', ...reviewers.qualityOwnerIds] : []),
    ]),
  ].filter((id) => id !== '');
  const users = ids.length === 0 ? [] : await reads.findUsers(ids);
  return {
    gates,
    items,
    evidence,
    events: await evidenceEvents(reads, program, evidence),
    milestones: new Map(milestones.map((m) => [m.id as string, m])),
    decisionKeys: new Map(decisions.filter((d) => d.programId === program.id).map((d) => [d.id, d.key])),
    people: new Map(users.map((u) => [u.id as string, { id: u.id, name: u.name }])),
    reviewers,
  };
}

function gateView(program: AuthorizedProgram, facts: GateFacts, g: GateRecord, today: PlainDate): GateView {
  const items = facts.items.filter((i) => i.gateId === g.id);
  const m = g.reviewMilestoneId ? facts.milestones.get(g.reviewMilestoneId) : undefined;
  const reviewMilestone = m ? { id: m.id, key: m.key, name: m.name, forecastDate: m.forecastDate, actualDate: m.actualDate } : null;
  const plannedReviewDate = m ? (m.actualDate ?? m.forecastDate) : null;
  return {
    ...g,
    programId: program.id,
    programCode: program.code,
    reviewMilestone,
    plannedReviewDate,
    readiness: gateReadiness({ ...g, plannedReviewDate }, items, today, programCalendar(program)),
    counts: countsOf(items),
    decisionKey: g.decision ? (facts.decisionKeys.get(g.decision.decisionId) ?? null) : null,
  };
}

/** A piece of evidence as pages show it: a file with where it is downloaded from (GET /programs/:programId/evidence/:evidenceId/file). */
export const evidenceView = (
  program: AuthorizedProgram,
  e: Evidence,
  events: ReadonlyMap<string, EventEvidence> = new Map(),
): EvidenceView => ({
  ...e,
  downloadPath: e.kind === 'file' ? `/api/v1/programs/${encodeURIComponent(program.code)}/evidence/${e.id}/file` : null,
  event: e.eventId === null ? null : (events.get(e.eventId) ?? null),
});

/** The floor events these pieces of evidence name, read in one go, as evidence shows them. */
export async function evidenceEvents(
  reads: Reads,
  program: AuthorizedProgram,
  evidence: readonly Evidence[],
): Promise<Map<string, EventEvidence>> {
  const ids = [...new Set(evidence.flatMap((e) => (e.eventId === null ? [] : [e.eventId])))];
  const events = ids.length === 0 ? [] : await reads.findFloorEvents(program.id, ids);
  return new Map(
    events.flatMap((e) => {
      const shown = eventEvidence(e);
      return shown ? [[e.id, shown] as const] : [];
    }),
  );
}

/** A program's gates with their readiness on the program's today, in order, and its current phase. */
export function programGatesView(program: AuthorizedProgram, facts: GateFacts, now: Date): ProgramGatesView {
  const today = programToday(program, now);
  return {
    programId: program.id,
    programCode: program.code,
    today,
    phase: currentPhase(facts.gates),
    gates: facts.gates.map((g) => gateView(program, facts, g, today)),
    people: [...facts.people.values()],
  };
}

/** One gate with its checklist and each item's evidence. */
export function gateDetailView(program: AuthorizedProgram, facts: GateFacts, g: GateRecord, now: Date): GateDetailView {
  const today = programToday(program, now);
  const items = facts.items
    .filter((i) => i.gateId === g.id)
    .map(
      ({ programId: _p, ...i }): ChecklistItemView => ({
        ...i,
        waiverDecisionKey: i.waiverDecisionId ? (facts.decisionKeys.get(i.waiverDecisionId) ?? null) : null,
        evidence: facts.evidence.filter((e) => e.itemId === i.id).map((e) => evidenceView(program, e, facts.events)),
      }),
    );
  return {
    ...gateView(program, facts, g, today),
    items,
    people: [...facts.people.values()],
    reviewers: facts.reviewers ?? { decisionOwnerId: null, qualityOwnerIds: [] },
  };
}
