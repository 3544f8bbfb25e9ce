import type { Command } from 'commander';
import type { MyWeek } from '../contract/my-week.js';
import { itemLabel } from '../domain/update-requests/update-request.js';
import { addActingOptions, withBackend } from './connect.js';
import { emit, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

type Item = MyWeek['actions'][number];

const sections: readonly {
  readonly key: Exclude<keyof MyWeek, 'weekStart' | 'weekEnd' | 'unavailable' | 'gatesAtRisk' | 'escalations' | 'updateRequests'>;
  readonly title: string;
  readonly due: string;
}[] = [
  { key: 'decisions', title: 'Decisions you must make', due: 'Due' },
  { key: 'actions', title: 'Actions you own, due this week or overdue', due: 'Due' },
  { key: 'confirmations', title: 'Done, waiting for your confirmation', due: 'Was due' },
  { key: 'risks', title: 'Risks you own, due for review', due: 'Review' },
  { key: 'milestones', title: 'Milestones you own, due this week or late', due: 'Forecast' },
  { key: 'checklistItems', title: 'Gate checklist items you own that need evidence', due: 'Due' },
  { key: 'reviews', title: 'Evidence waiting for your review (gates you own)', due: 'Due' },
];

/** The date and what is wrong with it, in capitals so that it stands out in a terminal. */
const dueText = (i: Item) => (i.dueDate === null ? 'NO DUE DATE' : i.isOverdue ? `${i.dueDate} OVERDUE` : i.dueDate);

const daysLeftText = (n: number) =>
  n < 0 ? `${-n} business day${n === -1 ? '' : 's'} past` : n === 0 ? 'today' : `${n} business day${n === 1 ? '' : 's'} left`;

/** The gates the person owns that are at risk: one heading per gate, its items not on course below. */
function gatesAtRiskText(gates: MyWeek['gatesAtRisk']): string {
  const title = 'Gates at risk that you own';
  if (gates.length === 0) return `${title}: none.`;
  const blocks = gates.map((g) => {
    const head = `${g.programCode} ${g.gateKey} ${g.gateName}: review ${g.plannedReviewDate} (${daysLeftText(g.businessDaysLeft)})`;
    const rows = g.items.map((i) => [i.key, i.title, i.owner?.name ?? 'NO OWNER', i.dueDate, i.reasons.join(', ').toUpperCase()]);
    return `${head}\n${table(['Key', 'Required item', 'Owner', 'Due', 'Why'], rows, { maxWidths: [undefined, 50, 30] })}`;
  });
  return `${title} (${gates.length}):\n${blocks.join('\n')}`;
}

/** The escalations the person is the action owner of, soonest deadline first. */
function escalationsText(list: MyWeek['escalations']): string {
  const title = 'Escalations you must answer';
  if (list.length === 0) return `${title}: none.`;
  const rows = list.map((e) => [
    e.programCode,
    e.key,
    `${e.subject.ref} ${e.subject.title}`,
    `${e.deadlineAt.slice(0, 16).replace('T', ' ')} UTC`,
    `${e.status}${e.isOverdue ? ', OVERDUE' : ''}`,
  ]);
  return `${title} (${list.length}):\n${table(['Program', 'Key', 'About', 'Deadline', 'Status'], rows, { maxWidths: [undefined, undefined, 50] })}`;
}

function weekText(w: MyWeek): string {
  const parts = [`Your week: ${w.weekStart} to ${w.weekEnd}`];
  for (const s of sections) {
    const items = w[s.key];
    if (items.length === 0) {
      parts.push(`${s.title}: none.`);
      continue;
    }
    const rows = items.map((i) => [
      i.programCode,
      i.gateKey ? `${i.gateKey} ${i.key}` : i.key,
      i.title,
      dueText(i),
      i.flags.includes('no_owner') ? 'NO OWNER' : null,
    ]);
    const hasGaps = rows.some((r) => r[4] !== null);
    const head = ['Program', 'Key', 'What', s.due, ...(hasGaps ? ['Gap'] : [])];
    parts.push(
      `${s.title} (${items.length}):\n${table(head, hasGaps ? rows : rows.map((r) => r.slice(0, 4)), { maxWidths: [undefined, undefined, 50] })}`,
    );
  }
  parts.push(escalationsText(w.escalations));
  for (const q of w.updateRequests)
    parts.push(
      `Please update before the ${q.programCode} ${q.week} weekly report (asked ${q.askedAt.slice(0, 16).replace('T', ' ')} UTC): ${q.items
        .map(itemLabel)
        .join(', ')}`,
    );
  parts.push(gatesAtRiskText(w.gatesAtRisk));
  if (w.unavailable.length > 0) {
    parts.push(`Could not be worked out just now (the error is logged): ${w.unavailable.map((u) => u.programCode).join(', ')}.`);
  }
  return parts.join('\n\n');
}

export function registerMyWeekCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('my-week')
      .description(
        'Your week across all your programs: decisions to make, actions due or overdue, closures to confirm, risks to review, milestones due, checklist items and evidence to review, gates you own that are at risk',
      )
      .option('--json', "print the API's JSON (MyWeek)")
      .addHelpText('after', '\nOverdue items come first; items without a due date are named, never hidden.'),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const week = must(out, await b.myWeek());
      emit(out, week, () => weekText(week));
    });
  });
}
