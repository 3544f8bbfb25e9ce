import { recordPath } from './record-path.js';
import type { MilestoneMove, MilestoneWentLate, ReportRecord, WeeklyReport } from './weekly-report.js';

/** The agenda's parts, in the order the meeting takes them: what needs deciding first. */
export const agendaSections = ['decisions', 'blockers', 'risks', 'moved_milestones', 'next_week'] as const;
export type AgendaSection = (typeof agendaSections)[number];

/** One point of the agenda: a record of the draft with its owner, its date and the page that opens it. */
export interface AgendaItem {
  readonly record: ReportRecord;
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  /** Due date, or an escalation's deadline (an instant); null: none set. */
  readonly due: string | null;
  readonly isOverdue: boolean;
  /** What happened to it this week: a risk's change (new, rescored, …), a milestone's move (moved, went_late), an escalation's status. */
  readonly change: string | null;
  /** A move's or re-score's from → to (dates or scores), and a move's business days. */
  readonly from: string | null;
  readonly to: string | null;
  readonly days: number | null;
  readonly reason: string | null;
  readonly path: string;
}

export type AttendeeRole = 'decision_owner' | 'escalation_path' | 'cadence_owner' | 'item_owner';

export interface Attendee {
  readonly id: string;
  readonly name: string;
  /** Why they are asked: their charter roles first, then owning an agenda item. */
  readonly roles: readonly AttendeeRole[];
}

/** Who holds the charter's roles on the program. */
export interface MeetingRoles {
  readonly decisionOwnerId: string | null;
  readonly escalationPath: readonly string[];
  readonly cadenceOwnerIds: readonly string[];
}

export interface MeetingAgenda {
  readonly week: string;
  readonly sections: readonly { readonly section: AgendaSection; readonly items: readonly AgendaItem[] }[];
  readonly attendees: readonly Attendee[];
}

/**
 * The milestones that moved or went late in the week, once each: a milestone moved several times shows its
 * first date to its last, the business days summed and the reasons in turn; one that moved and went late is
 * a move marked overdue.
 */
function movedMilestones(report: WeeklyReport): { move?: MilestoneMove; late?: MilestoneWentLate }[] {
  const moves = new Map<string, MilestoneMove>();
  const id = (x: { key: string; field: string }) => `${x.field} ${x.key}`;
  for (const x of report.milestoneMovement.moved) {
    const seen = moves.get(id(x));
    const reasons = [seen?.reason, x.reason].filter((r): r is string => Boolean(r));
    moves.set(
      id(x),
      seen ? { ...x, from: seen.from, days: seen.days + x.days, reason: reasons.length > 0 ? reasons.join('; ') : null } : x,
    );
  }
  const late = new Map(report.milestoneMovement.wentLate.map((x) => [x.key, x]));
  return [
    ...[...moves.values()].map((move) => ({ move, late: move.field === 'forecastDate' ? late.get(move.key) : undefined })),
    ...[...late.values()].filter((x) => !moves.has(id({ key: x.key, field: 'forecastDate' }))).map((x) => ({ late: x })),
  ];
}

const roleOrder: Record<AttendeeRole, number> = { decision_owner: 0, cadence_owner: 1, escalation_path: 2, item_owner: 3 };

/**
 * The agenda of a week's cadence meeting, generated from its draft: decisions needed first (overdue first),
 * then blockers (actions, then escalations), risk changes, moved and late milestones, and next week's plan;
 * attendees are the charter's decision owner, cadence owners and escalation path, and every agenda item's owner,
 * each once with all the reasons they are asked, charter roles first.
 */
export function buildMeetingAgenda(
  report: WeeklyReport,
  roles: MeetingRoles,
  people: readonly { readonly id: string; readonly name: string }[],
): MeetingAgenda {
  const code = report.program.code;
  const item = (
    record: ReportRecord,
    x: { key: string; title: string; ownerId: string | null; due?: string | null; isOverdue?: boolean; gateKey?: string | undefined },
    more: Partial<Pick<AgendaItem, 'change' | 'from' | 'to' | 'days' | 'reason'>> = {},
  ): AgendaItem => ({
    record,
    key: x.key,
    title: x.title,
    ownerId: x.ownerId,
    due: x.due ?? null,
    isOverdue: x.isOverdue ?? false,
    change: more.change ?? null,
    from: more.from ?? null,
    to: more.to ?? null,
    days: more.days ?? null,
    reason: more.reason ?? null,
    path: recordPath(code, record, x.key, x.gateKey),
  });
  const n = report.nextWeek;
  const sections: MeetingAgenda['sections'] = [
    {
      section: 'decisions',
      items: report.decisionsNeeded.map((d) => item('decision', { ...d, title: d.statement, due: d.dueDate })),
    },
    {
      section: 'blockers',
      items: [
        ...report.blockers.actions.map((a) => item('action', { ...a, due: a.dueDate })),
        ...report.blockers.escalations.map((e) => item('escalation', { ...e, due: e.deadlineAt }, { change: e.status })),
      ],
    },
    {
      section: 'risks',
      items: report.riskChanges.map((r) =>
        item('risk', r, {
          change: r.kind,
          from: r.from === null ? null : String(r.from),
          to: r.to === null ? null : String(r.to),
          reason: r.reason,
        }),
      ),
    },
    {
      section: 'moved_milestones',
      items: movedMilestones(report).map(({ move, late }) =>
        move
          ? item(
              'milestone',
              { key: move.key, title: move.name, ownerId: move.ownerId, due: move.to, isOverdue: late !== undefined },
              { change: 'moved', from: move.from, to: move.to, days: move.days, reason: move.reason },
            )
          : item(
              'milestone',
              { key: late?.key ?? '', title: late?.name ?? '', ownerId: late?.ownerId ?? null, due: late?.forecastDate, isOverdue: true },
              { change: 'went_late' },
            ),
      ),
    },
    {
      section: 'next_week',
      items: [
        ...n.decisions.map((d) => item('decision', { ...d, due: d.dueDate })),
        ...n.gateReviews.map((g) => item('gate', { ...g, due: g.dueDate })),
        ...n.milestones.map((x) => item('milestone', { ...x, due: x.dueDate })),
        ...n.checklistItems.map((c) => item('checklist_item', { ...c, due: c.dueDate })),
        ...n.actions.map((a) => item('action', { ...a, due: a.dueDate })),
      ],
    },
  ];
  const names = new Map([...report.people, ...people].map((p) => [p.id, p.name]));
  const held = new Map<string, Set<AttendeeRole>>();
  const ask = (id: string | null, role: AttendeeRole) => {
    if (id === null) return;
    const set = held.get(id) ?? new Set<AttendeeRole>();
    set.add(role);
    held.set(id, set);
  };
  ask(roles.decisionOwnerId, 'decision_owner');
  for (const id of roles.cadenceOwnerIds) ask(id, 'cadence_owner');
  for (const id of roles.escalationPath) ask(id, 'escalation_path');
  for (const s of sections) for (const i of s.items) ask(i.ownerId, 'item_owner');
  const attendees = [...held].map(([id, set]) => ({
    id,
    name: names.get(id) ?? id,
    roles: [...set].sort((a, b) => roleOrder[a] - roleOrder[b]),
  }));
  attendees.sort(
    (a, b) =>
      roleOrder[a.roles[0] ?? 'item_owner'] - roleOrder[b.roles[0] ?? 'item_owner'] ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
  );
  return { week: report.week, sections, attendees };
}

const roleWords: Record<AttendeeRole, string> = {
  decision_owner: 'decision owner',
  cadence_owner: 'cadence owner',
  escalation_path: 'escalation path',
  item_owner: 'owns an item',
};

const sectionWords: Record<AgendaSection, string> = {
  decisions: 'Decisions needed',
  blockers: 'Blockers',
  risks: 'Risks',
  moved_milestones: 'Moved milestones',
  next_week: 'Next-week plan',
};

/** The agenda in plain English text, one line a point (the CLI's and the e-mail's words). */
export function agendaText(agenda: MeetingAgenda, names: ReadonlyMap<string, string>): string {
  const who = (id: string | null) => (id === null ? 'no owner' : (names.get(id) ?? id));
  const lines = [`Cadence meeting ${agenda.week}`, '', 'Attendees:'];
  for (const a of agenda.attendees) lines.push(`  ${a.name} (${a.roles.map((r) => roleWords[r]).join(', ')})`);
  agenda.sections.forEach((s, i) => {
    lines.push('', `${i + 1}. ${sectionWords[s.section]}`);
    if (s.items.length === 0) lines.push('  None.');
    for (const x of s.items) {
      const move = x.from !== null ? ` ${x.from} → ${x.to ?? '–'}` : x.to !== null ? ` ${x.to}` : '';
      const days = x.days === null ? '' : ` (${x.days > 0 ? '+' : ''}${x.days} business days)`;
      const change = x.change === null ? '' : ` [${x.change.replaceAll('_', ' ')}${move}${days}]`;
      const due = x.due === null ? 'no date' : `due ${x.due}`;
      const reason = x.reason ? ` — ${x.reason.replace(/\s*\n\s*/g, ' ')}` : '';
      lines.push(
        `  ${x.key} ${x.title.replace(/\s*\n\s*/g, ' ')}${change}: ${who(x.ownerId)}, ${due}${x.isOverdue ? ', overdue' : ''}${reason}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
