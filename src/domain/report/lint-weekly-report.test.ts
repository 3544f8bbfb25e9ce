import { describe, expect, it } from 'vitest';
import { chen, historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import { lintWeeklyReport } from './lint-weekly-report.js';

describe('lintWeeklyReport', () => {
  it('names every item without an owner or a due date, every escalation past its deadline and every overdue decision, with a link to fix it', () => {
    expect(lintWeeklyReport(assembleWeeklyReport(historyInput()))).toEqual([
      {
        kind: 'decision_overdue',
        record: 'decision',
        key: 'D-1',
        title: 'Accept the cosmetic deviation on the lid',
        path: '/programs/ABC/decisions/D-1',
      },
      {
        kind: 'escalation_overdue',
        record: 'escalation',
        key: 'E-1',
        title: 'Flash on cavity 3 over the limit',
        path: '/programs/ABC/escalations#E-1',
      },
      { kind: 'no_owner', record: 'escalation', key: 'E-4', title: 'Carton supplier silent', path: '/programs/ABC/escalations#E-4' },
      { kind: 'no_owner', record: 'decision', key: 'D-3', title: 'Choose a second resin supplier', path: '/programs/ABC/decisions/D-3' },
      { kind: 'no_owner', record: 'action', key: 'A-3', title: 'Send the golden sample', path: '/programs/ABC/actions#A-3' },
      { kind: 'no_owner', record: 'milestone', key: 'M-4', title: 'Packaging approval', path: '/programs/ABC#M-4' },
      { kind: 'no_owner', record: 'checklist_item', key: 'C-2', title: 'Capability study', path: '/programs/ABC/gates/G2#C-2' },
      { kind: 'no_due_date', record: 'escalation', key: 'E-4', title: 'Carton supplier silent', path: '/programs/ABC/escalations#E-4' },
      { kind: 'no_due_date', record: 'decision', key: 'D-3', title: 'Choose a second resin supplier', path: '/programs/ABC/decisions/D-3' },
      { kind: 'no_due_date', record: 'action', key: 'A-4', title: 'Update the control plan', path: '/programs/ABC/actions#A-4' },
    ]);
  });

  it('finds nothing once every item has an owner and a due date and nothing is overdue', () => {
    const input = historyInput();
    const named = assembleWeeklyReport({
      ...input,
      // Read on Monday 30 November: nothing is overdue yet.
      asOf: '2026-11-30T01:00:00.000Z',
      end: {
        ...input.end,
        milestones: input.end.milestones.map((m) => ({ ...m, ownerId: m.ownerId ?? chen })),
        decisions: input.end.decisions.map((d) => ({ ...d, ownerId: d.ownerId ?? chen, dueDate: d.dueDate ?? ('2026-12-20' as never) })),
        actions: input.end.actions.map((a) => ({ ...a, ownerId: a.ownerId ?? chen, dueDate: a.dueDate ?? ('2026-12-20' as never) })),
        gates: input.end.gates.map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, ownerId: i.ownerId ?? chen })) })),
      },
      escalations: input.escalations.map((e) => ({
        ...e,
        ownerId: e.ownerId ?? chen,
        deadlineAt: e.deadlineAt ?? '2026-12-20T00:00:00.000Z',
      })),
    });
    expect(lintWeeklyReport(named)).toEqual([]);
  });

  it('writes paths with the program code and keys escaped', () => {
    const input = historyInput();
    const report = assembleWeeklyReport({ ...input, program: { ...input.program, code: 'A B' } });
    expect(lintWeeklyReport(report).map((f) => f.path)).toContain('/programs/A%20B#M-4');
  });
});
