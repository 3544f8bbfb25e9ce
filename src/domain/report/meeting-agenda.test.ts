import { describe, expect, it } from 'vitest';
import { historyInput, people } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import { agendaText, buildMeetingAgenda } from './meeting-agenda.js';

const roles = { decisionOwnerId: 'u-li', escalationPath: ['u-li', 'u-dana'], cadenceOwnerIds: ['u-dana'] };
const keys = (a: ReturnType<typeof buildMeetingAgenda>) => a.sections.map((s) => [s.section, s.items.map((i) => i.key)]);

describe('buildMeetingAgenda', () => {
  const report = assembleWeeklyReport(historyInput());

  it('takes decisions first (overdue first), then blockers, risk changes, moved milestones and next week', () => {
    const agenda = buildMeetingAgenda(report, roles, people);
    expect(agenda.week).toBe('2026-W49');
    expect(keys(agenda)).toEqual([
      ['decisions', ['D-1', 'D-2', 'D-3']],
      ['blockers', ['A-1', 'A-2', 'A-4', 'E-1', 'E-2', 'E-4']],
      ['risks', ['R-1', 'R-2', 'R-5', 'R-3']],
      ['moved_milestones', ['M-4', 'M-3']],
      ['next_week', ['D-2', 'G2', 'M-5', 'M-3', 'C-1', 'C-2', 'A-3', 'A-2']],
    ]);
    const [decisions, blockers, risks, moved] = agenda.sections;
    expect(decisions?.items[0]).toEqual({
      record: 'decision',
      key: 'D-1',
      title: 'Accept the cosmetic deviation on the lid',
      ownerId: 'u-dana',
      due: '2026-12-02',
      isOverdue: true,
      change: null,
      from: null,
      to: null,
      days: null,
      reason: null,
      path: '/programs/ABC/decisions/D-1',
    });
    expect(blockers?.items.find((i) => i.key === 'E-1')).toMatchObject({
      due: '2026-12-04T10:00:00.000Z',
      isOverdue: true,
      change: 'open',
    });
    expect(risks?.items[0]).toMatchObject({ change: 'rescored', from: '12', to: '16', reason: 'The second supplier is short too' });
    // Each milestone once: moved, and overdue when it also went late during the week.
    expect(moved?.items.map((i) => [i.key, i.change, i.from, i.to, i.days, i.isOverdue, i.path])).toEqual([
      ['M-4', 'moved', '2026-12-01', '2026-12-03', 2, true, '/programs/ABC#M-4'],
      ['M-3', 'moved', '2026-12-04', '2026-12-11', 5, true, '/programs/ABC#M-3'],
    ]);
  });

  it('asks the charter’s roles and every item’s owner, each once with every reason, charter roles first', () => {
    expect(buildMeetingAgenda(report, roles, people).attendees).toEqual([
      { id: 'u-li', name: 'Li Na', roles: ['decision_owner', 'escalation_path', 'item_owner'] },
      { id: 'u-dana', name: 'Dana Whitfield', roles: ['cadence_owner', 'escalation_path', 'item_owner'] },
      { id: 'u-chen', name: '陈伟', roles: ['item_owner'] },
    ]);
    // Someone only on the escalation path is asked too; nobody is asked for a missing owner.
    const other = buildMeetingAgenda(report, { decisionOwnerId: null, escalationPath: ['u-nobody'], cadenceOwnerIds: [] }, people);
    expect(other.attendees.map((a) => [a.name, a.roles])).toEqual([
      ['Named by nothing', ['escalation_path']],
      ['Dana Whitfield', ['item_owner']],
      ['Li Na', ['item_owner']],
      ['陈伟', ['item_owner']],
    ]);
  });

  it('writes the agenda as plain text, one line a point, missing owners and dates shown', () => {
    const text = agendaText(buildMeetingAgenda(report, roles, people), new Map(people.map((p) => [p.id, p.name])));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Cadence meeting 2026-W49',
      '',
      'Attendees:',
      '  Li Na (decision owner, escalation path, owns an item)',
      '  Dana Whitfield (cadence owner, escalation path, owns an item)',
      '  陈伟 (owns an item)',
      '',
      '1. Decisions needed',
    ]);
    expect(text).toContain('  D-1 Accept the cosmetic deviation on the lid: Dana Whitfield, due 2026-12-02, overdue\n');
    expect(text).toContain('  D-3 Choose a second resin supplier: no owner, no date\n');
    expect(text).toContain(
      '  M-3 Pilot run [moved 2026-12-04 → 2026-12-11 (+5 business days)]: Dana Whitfield, due 2026-12-11, overdue — Resin arrives late\n',
    );
  });
});
