import { addBusinessDays, type WorkingDays } from '../business-days.js';
import type { UserId } from '../ids.js';
import type { Phase } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import type { Role } from '../roles.js';
import type { ChecklistItem } from './checklist-item.js';
import type { Gate } from './gate.js';
import type { GateRole, ItemOwnerRole, PpapElementRef, PpapLevel, ProgramTemplate } from './template.js';

/** A milestone of the program's plan, as a gate's review is chosen among them. */
export interface PlanMilestone {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly phase: Phase;
  readonly forecastDate: PlainDate;
}

/** Who holds each role on the program (its own roles first, then its client's; first granted first), and its named owners. */
export interface ProgramPeople {
  readonly holders: Readonly<Partial<Record<Role, readonly UserId[]>>>;
  /** The program's owner on the portfolio. */
  readonly programOwnerId: UserId | null;
  /** The charter's decision owner, when one is named. */
  readonly decisionOwnerId: UserId | null;
}

/** Where a gate came from: the template and version every gate row records. */
export interface GateOrigin {
  readonly templateId: string;
  readonly templateVersion: number;
  readonly ppapLevel: PpapLevel | null;
}

export type NewGate = Omit<Gate, 'version'> & GateOrigin;

export type NewChecklistItem = Omit<ChecklistItem, 'version'> & {
  readonly ppap: PpapElementRef | null;
};

export interface GateSet {
  readonly gates: readonly NewGate[];
  readonly items: readonly NewChecklistItem[];
}

const first = (ids: readonly UserId[] | undefined): UserId | null => ids?.[0] ?? null;

/** The person a role names on this program: the first holder, else the cadence owner's stand-ins. */
export function personFor(role: GateRole | ItemOwnerRole, people: ProgramPeople, gateOwnerId: UserId | null = null): UserId | null {
  const holdsCadence = people.programOwnerId !== null && (people.holders.cadence_owner ?? []).includes(people.programOwnerId);
  const cadence = (holdsCadence ? people.programOwnerId : first(people.holders.cadence_owner)) ?? people.programOwnerId;
  switch (role) {
    case 'decision_owner':
      return people.decisionOwnerId ?? first(people.holders.decision_owner) ?? cadence;
    case 'cadence_owner':
      return cadence;
    case 'quality_owner':
      return first(people.holders.quality_owner) ?? cadence;
    case 'gate_owner':
      return gateOwnerId ?? cadence;
    case 'supplier':
      return first(people.holders.contributor) ?? cadence;
  }
}

const reviewWords = /\b(review|gate)\b/i;

/**
 * The milestone that is a gate's planned review in an existing plan: the template's review milestone
 * when the plan holds it (by id), else the milestone of the gate's phase named as a review (the latest
 * such), else the phase's last milestone; null when the phase has none.
 */
export function pickReviewMilestone(gateKey: string, milestones: readonly PlanMilestone[]): PlanMilestone | null {
  const ofPhase = milestones.filter((m) => m.phase === gateKey).sort((a, b) => a.forecastDate.localeCompare(b.forecastDate));
  const named = ofPhase.filter((m) => reviewWords.test(m.name));
  return named.at(-1) ?? ofPhase.at(-1) ?? null;
}

/**
 * A program's gates and checklist items made from a template: owners and gatekeepers from the roles the
 * template names (the cadence owner stands in for a role nobody holds), each item due its offset in
 * business days before the gate's planned review (none while the review is not planned), every gate not
 * started and every item open.
 */
export function instantiateGates(
  template: ProgramTemplate,
  reviews: Readonly<Record<string, PlanMilestone | null>>,
  people: ProgramPeople,
  calendar: WorkingDays,
  programId: string,
  newId: () => string,
): GateSet {
  const origin: GateOrigin = { templateId: template.id, templateVersion: template.version, ppapLevel: template.ppapLevel };
  const gates: NewGate[] = [];
  const items: NewChecklistItem[] = [];
  for (const g of template.gates) {
    const ownerId = personFor(g.ownerRole, people);
    const gatekeeperIds = [...new Set(g.gatekeeperRoles.map((r) => personFor(r, people)).filter((u): u is UserId => u !== null))];
    const review = reviews[g.key] ?? null;
    const gate: NewGate = {
      id: newId(),
      programId,
      key: g.key,
      name: g.name,
      closeCriteria: g.closeCriteria,
      ownerId,
      decidedBy: g.decidedBy,
      gatekeeperIds,
      reviewMilestoneId: review?.id ?? null,
      warningDays: g.warningDays,
      status: 'not_started',
      recommendations: [],
      decision: null,
      ...origin,
    };
    gates.push(gate);
    g.checklist.forEach((c, position) => {
      items.push({
        id: newId(),
        gateId: gate.id,
        key: c.key,
        position,
        title: c.title,
        description: c.description,
        isRequired: c.isRequired,
        ownerId: personFor(c.ownerRole, people, ownerId),
        dueDate: review ? addBusinessDays(calendar, review.forecastDate, c.dueOffsetDays) : null,
        state: 'open',
        submittedById: null,
        submittedAt: null,
        submissionNote: null,
        reviewedById: null,
        reviewedAt: null,
        reviewComment: null,
        waiverDecisionId: null,
        ppap: c.ppap ?? null,
      });
    });
  }
  return { gates, items };
}

/** A template milestone laid out on the calendar: its date and its links to earlier ones. */
export interface LaidOutMilestone {
  readonly key: string;
  readonly name: string;
  readonly phase: Phase;
  readonly date: PlainDate;
  readonly isCritical: boolean;
  readonly predecessors: readonly { readonly key: string; readonly lagDays: number }[];
}

/**
 * The template's standard milestones dated from a start: the first on the start's working day, each
 * other the latest of its predecessors' dates plus their lags (a forward pass; the template lists
 * predecessors first).
 */
export function layOutTemplatePlan(template: ProgramTemplate, start: PlainDate, calendar: WorkingDays): LaidOutMilestone[] {
  const firstDay = calendar.isWorkingDay(start) ? start : addBusinessDays(calendar, start, 1);
  const dates = new Map<string, PlainDate>();
  return template.milestones.map((m) => {
    let date = firstDay;
    for (const p of m.predecessors) {
      const after = addBusinessDays(calendar, dates.get(p.milestoneKey) ?? firstDay, p.lagDays);
      if (after > date) date = after;
    }
    dates.set(m.key, date);
    return {
      key: m.key,
      name: m.name,
      phase: m.gateKey as Phase,
      date,
      isCritical: m.isCritical,
      predecessors: m.predecessors.map((p) => ({ key: p.milestoneKey, lagDays: p.lagDays })),
    };
  });
}
