import { describe, expect, it } from 'vitest';
import { historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import { leadershipDocument, leadershipView } from './leadership-view.js';
import { renderBlocksMarkdown } from './render-report-markdown.js';
import type { WeeklyReport } from './weekly-report.js';

const input = historyInput();
const abc = assembleWeeklyReport(input);
/** A quiet program: the same week, nothing moved, nothing open, on track. */
const quiet: WeeklyReport = {
  ...abc,
  program: { ...abc.program, id: 'p-quiet', code: 'AAA', name: 'Quiet' },
  onTrack: { ...abc.onTrack, code: 'on_track', text: 'On track.' },
  releaseReadiness: { level: 'green', reasons: [] },
  milestoneMovement: { moved: [], completed: [], wentLate: [] },
  blockers: { actions: [], escalations: [] },
  decisionsNeeded: [],
  riskChanges: [],
};

describe('leadershipView', () => {
  const view = leadershipView('2026-W49', [
    { report: quiet, revision: null, risks: [] },
    { report: abc, revision: 2, risks: input.end.risks },
  ]);

  it('puts the program needing attention first, with why', () => {
    expect(view.lines.map((l) => l.program.code)).toEqual(['ABC', 'AAA']);
    const [first, second] = view.lines;
    expect(first?.attention).toEqual([
      abc.onTrack.text,
      'Release readiness is red.',
      '1 escalation past the deadline.',
      '1 decision overdue.',
      '2 milestones slipped this week.',
    ]);
    expect(second?.attention).toEqual([]);
    expect(first?.reasons).toEqual([
      { kind: 'off_track', count: 1 },
      { kind: 'readiness_red', count: 1 },
      { kind: 'escalations_overdue', count: 1 },
      { kind: 'decisions_overdue', count: 1 },
      { kind: 'slipped', count: 2 },
    ]);
    expect(second?.reasons).toEqual([]);
    expect(first).toMatchObject({ revision: 2, health: 'off_track', readiness: 'red', moved: 2, completed: 1, wentLate: 2 });
    expect(first?.escalations).toEqual({ open: 3, overdue: 1 });
  });

  it('names what slipped, the decisions due and from whom, the top risks by score', () => {
    const [first] = view.lines;
    expect(first?.slipped).toEqual([
      { key: 'M-4', name: 'Packaging approval', days: 2, reason: 'Artwork revision' },
      { key: 'M-3', name: 'Pilot run', days: 5, reason: 'Resin arrives late' },
    ]);
    expect(first?.decisionsDue.map((d) => [d.key, d.owner, d.dueDate, d.isOverdue])).toEqual([
      ['D-1', 'Dana Whitfield', '2026-12-02', true],
      ['D-2', 'Dana Whitfield', '2026-12-09', false],
      ['D-3', null, null, false],
    ]);
    expect(first?.topRisks.map((r) => [r.key, r.score])).toEqual([
      ['R-1', 16],
      ['R-4', 16],
      ['R-5', 4],
    ]);
  });

  it('lists what changed across the portfolio, newest first, each with its reason', () => {
    expect(view.changes.map((c) => [c.programCode, c.kind, c.key, c.reason])).toEqual([
      ['ABC', 'moved', 'M-3', 'Resin arrives late'],
      ['ABC', 'risk', 'R-3', 'Vessel missed; shipment a week late'],
      ['ABC', 'completed', 'M-2', null],
      ['ABC', 'risk', 'R-5', null],
      ['ABC', 'risk', 'R-2', 'Tool repaired and verified'],
      ['ABC', 'risk', 'R-1', 'The second supplier is short too'],
      ['ABC', 'moved', 'M-4', 'Artwork revision'],
    ]);
    expect(view.changes[0]?.what).toBe('Pilot run: forecast 2026-12-04 → 2026-12-11 (+5 business days)');
    expect(view.moreChanges).toBe(0);
  });
});

describe('leadershipDocument', () => {
  it('writes attention first, one row a program, and the changes with their reasons', () => {
    const md = renderBlocksMarkdown(
      leadershipDocument(
        leadershipView('2026-W49', [
          { report: quiet, revision: null, risks: [] },
          { report: abc, revision: 1, risks: input.end.risks },
        ]),
      ),
    );
    expect(md).toContain('# Portfolio 2026-W49\n\n2 programs; **1 need leadership attention**.');
    expect(md).toContain('## Needs attention first\n\n- ABC Kettle housing 1.7 l: Off track:');
    expect(md).toContain(
      '| ABC Kettle housing 1.7 l | **off track** | **red** | 2 moved, 1 done, 2 late | M-4 +2, M-3 +5 | D-1 Dana Whitfield 2026-12-02 overdue; D-2 Dana Whitfield 2026-12-09; D-3 no owner no date | R-1 16, R-4 16, R-5 4 | **3 open, 1 overdue** |',
    );
    expect(md).toContain('| AAA Quiet (draft) | on track | green | 0 moved, 0 done, 0 late | – | – | – | 0 open |');
    expect(md).toContain(
      '| ABC | M-3 | Pilot run: forecast 2026-12-04 → 2026-12-11 (+5 business days) | Resin arrives late | Dana Whitfield |',
    );
  });
});
