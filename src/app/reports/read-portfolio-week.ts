import type { Escalation } from '../../domain/escalations/escalation.js';
import { gateOrder } from '../../domain/gates/gate.js';
import { isGateSettled } from '../../domain/gates/gate-status.js';
import { assembleWeekSummary } from '../../domain/report/assemble-weekly-report.js';
import type { ReportWeek } from '../../domain/report/iso-week.js';
import type { LeadershipProgram } from '../../domain/report/leadership-view.js';
import type { WeeklyReportInput } from '../../domain/report/report-input.js';
import { compareInstants } from '../../domain/report/report-order.js';
import { rewindRowsMax } from '../../domain/report/rewind.js';
import type { WeeklyReport } from '../../domain/report/weekly-report.js';
import { ok, type Result } from '../../domain/result.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Reads } from '../ports.js';
import {
  linkedDecisions,
  minutesEntry,
  nameMinutes,
  readFields,
  rewound,
  tooFarBack,
  type WeekWindow,
  weekInput,
  weekWindow,
  windWeek,
} from './read-report-week.js';

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
};

const min = (xs: readonly string[]) => xs.reduce((a, b) => (compareInstants(a, b) <= 0 ? a : b));
const max = (xs: readonly string[]) => xs.reduce((a, b) => (compareInstants(a, b) >= 0 ? a : b));

/** Open at the instant, as listEscalationsOpenAt reads it: raised before, not resolved by then. */
const openAt = (e: Escalation, at: string) =>
  compareInstants(e.raisedAt, at) < 0 && (e.resolvedAt === null || compareInstants(e.resolvedAt, at) >= 0);

/**
 * Each program's weekly report of one ISO week (each in its own zone) for the leadership view: the
 * latest issued revision's snapshot where the week was issued (its risks from the snapshot's input too),
 * else the summary of the draft (assembleWeekSummary: what the view reads of it) assembled now — read for all programs at once, one query per kind of record, then
 * grouped in memory and wound back per program exactly as readReportWeek does for one. The number of
 * queries does not grow with the number of programs.
 */
export async function readPortfolioWeek(
  r: Reads,
  programs: readonly AuthorizedProgram[],
  week: ReportWeek,
  now: Date,
): Promise<Result<LeadershipProgram[]>> {
  const ids = programs.map((p) => p.id);
  const issuedRows = await r.listLatestIssuedReportsOfWeek(ids, week.label);
  const issued = new Map(issuedRows.map((i) => [i.programId as string, i]));
  const fromSnapshots: LeadershipProgram[] = issuedRows.map((i) => ({
    report: JSON.parse(i.model) as WeeklyReport,
    revision: i.revision,
    risks: (JSON.parse(i.input) as Pick<WeeklyReportInput, 'end'>).end.risks,
  }));
  const drafts = programs.filter((p) => !issued.has(p.id));
  if (drafts.length === 0) return ok(fromSnapshots);

  const byZone = new Map<string, WeekWindow>();
  const windowIn = (zone: string) => byZone.get(zone) ?? (byZone.set(zone, weekWindow(week, zone, now)).get(zone) as WeekWindow);
  const windows = new Map<string, WeekWindow>(drafts.map((p) => [p.id, windowIn(p.timeZone)]));
  const all = [...windows.values()];
  const since = min(all.map((w) => w.startAt));
  const [firstEnd, lastEnd] = [min(all.map((w) => w.endAt)), max(all.map((w) => w.endAt))];
  const draftIds = drafts.map((p) => p.id);
  const [open, decisions, risks, actions, gates, escalations, rows, inspections, narratives, outcomes] = await Promise.all([
    // The open milestones; of the others, below, only those the week can read.
    r.listOpenMilestonesOfPrograms(draftIds),
    r.listDecisions(draftIds),
    r.listRisks(draftIds),
    // Only what the summary can read (blocking, or changed since): most open actions are neither.
    r.listActionsForReport(draftIds, since, null),
    r.listGatesOfPrograms(draftIds),
    r.listEscalationsOpenDuring(draftIds, firstEnd, lastEnd),
    r.listChangesSinceOfPrograms(draftIds, since, rewound, readFields, rewindRowsMax + 1),
    r.listInspectionVerdictsOfPrograms(draftIds, lastEnd),
    r.listReportDraftsOfWeek(draftIds, week.label),
    r.listMeetingOutcomesOfPrograms(draftIds, week.label),
  ]);
  // The view reads one checklist of a program, its release gate's (the last gate at the week's end;
  // release readiness), and only while that gate is open: a gate settled now with no change since the
  // earliest start was settled then too. The last gate then is the last one now unless gates changed
  // since (one made later, say): every gate from the last down to the first unchanged one is read.
  // (A portfolio's checklists hold ~60 items a program; the release gate's, ~15.)
  const changedGates = new Set(rows.filter((c) => c.entity === 'gate').map((c) => c.entityId));
  const wantedGates = [...groupBy(gates, (g) => g.programId).values()].flatMap((own) => {
    const last = [...own].sort((a, b) => gateOrder(b.key) - gateOrder(a.key));
    const through = last.findIndex((g) => !changedGates.has(g.id));
    return last.slice(0, through === -1 ? last.length : through + 1);
  });
  const items = await r.listChecklistItemsOfGates(
    draftIds,
    wantedGates.filter((g) => !isGateSettled(g.status) || changedGates.has(g.id)).map((g) => g.id),
  );
  // A milestone done now is read only where the week can see it: changed since the earliest start (moved,
  // completed, reopened), blocked by an open action (its key), or in a program with no open milestone (whose
  // health is then "done"). Done before the week and untouched since, it says nothing there (most of a
  // portfolio's: 22,000 of 50,000 milestones at 1,000 programs). Each program's open ones keep their order
  // (health takes the first of equals), the others follow.
  const openIds = new Set<string>(open.map((m) => m.id));
  const withOpen = new Set<string>(open.map((m) => m.programId));
  const noOpen = draftIds.filter((id) => !withOpen.has(id));
  const seen = [
    ...rows.flatMap((c) => (c.entity === 'milestone' ? [c.entityId] : [])),
    ...actions.flatMap((a) => (a.blocksMilestoneId === null ? [] : [a.blocksMilestoneId])),
  ];
  const [doneSeen, ofNoOpen] = await Promise.all([
    r.listMilestonesByIds(draftIds, [...new Set(seen.filter((id) => !openIds.has(id)))]),
    r.listMilestonesOfPrograms(noOpen),
  ]);
  const inNoOpen = new Set<string>(noOpen);
  const milestones = [...open, ...doneSeen.filter((m) => !inNoOpen.has(m.programId)), ...ofNoOpen];
  const by = {
    milestones: groupBy(milestones, (x) => x.programId),
    decisions: groupBy(decisions, (x) => x.programId),
    risks: groupBy(risks, (x) => x.programId),
    actions: groupBy(actions, (x) => x.programId),
    gates: groupBy(gates, (x) => x.programId),
    items: groupBy(items, (x) => x.programId),
    escalations: groupBy(escalations, (x) => x.programId),
    rows: groupBy(rows, (x) => x.programId ?? ''),
    inspections: groupBy(inspections, (x) => x.programId),
    minutes: groupBy(outcomes, (x) => x.programId),
  };
  const narrative = new Map(narratives.map((n) => [n.programId as string, n.narrative]));
  const wound = [];
  for (const p of drafts) {
    const w = windows.get(p.id) as WeekWindow;
    const own = by.rows.get(p.id) ?? [];
    // Read from the earliest zone's start: more than the limit before filtering may hide rows after.
    if (own.length > rewindRowsMax) return tooFarBack(week);
    const records = {
      milestones: by.milestones.get(p.id) ?? [],
      decisions: by.decisions.get(p.id) ?? [],
      risks: by.risks.get(p.id) ?? [],
      actions: by.actions.get(p.id) ?? [],
      gates: by.gates.get(p.id) ?? [],
      items: by.items.get(p.id) ?? [],
      escalations: (by.escalations.get(p.id) ?? []).filter((e) => openAt(e, w.endAt)),
      rows: own.filter((c) => compareInstants(c.at, w.startAt) >= 0),
      inspections: (by.inspections.get(p.id) ?? []).filter((i) => compareInstants(i.createdAt, w.endAt) < 0),
    };
    const minutes = (by.minutes.get(p.id) ?? []).map(minutesEntry);
    const x = windWeek(records, w);
    wound.push({ program: p, w, records, minutes, wound: { ...x, named: nameMinutes(x.named, minutes) } });
  }
  const releaseMilestones = wound.flatMap((x) => (x.wound.releaseMilestoneId === null ? [] : [x.wound.releaseMilestoneId]));
  const named = new Set(wound.flatMap((x) => [...x.wound.named]));
  const [links, users] = await Promise.all([
    releaseMilestones.length === 0 ? [] : r.listLinksTouching('milestone', releaseMilestones),
    r.findUsers([...named]),
  ]);
  const names = new Map(users.map((u) => [u.id as string, u.name]));
  const linksOf = groupBy(
    links.filter((l) => l.fromEntity === 'milestone' || l.toEntity === 'milestone'),
    (l) => (l.fromEntity === 'milestone' ? l.fromId : l.toId),
  );
  const fromDrafts = wound.map(({ program, w, records, minutes, wound: x }): LeadershipProgram => {
    const people = [...x.named].flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    });
    const release = x.releaseMilestoneId === null ? [] : linkedDecisions(linksOf.get(x.releaseMilestoneId) ?? []);
    const input = weekInput(program, week, w, x, records.inspections, release, people, narrative.get(program.id) ?? '', minutes);
    return { report: assembleWeekSummary(input), revision: null, risks: x.end.risks };
  });
  return ok([...fromSnapshots, ...fromDrafts]);
}
