import { describe, expect, it } from 'vitest';
import { historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import { renderReportMarkdown } from './render-report-markdown.js';
import type { WeeklyReportInput } from './report-input.js';
import { renderReportJson } from './report-json.js';
import type { WeeklyReport } from './weekly-report.js';

const report = assembleWeeklyReport(historyInput());

/** The same records given in the opposite order. */
function reversed(input: WeeklyReportInput): WeeklyReportInput {
  const state = (s: WeeklyReportInput['end']) => ({
    milestones: [...s.milestones].reverse(),
    decisions: [...s.decisions].reverse(),
    risks: [...s.risks].reverse(),
    actions: [...s.actions].reverse(),
    gates: [...s.gates].reverse(),
  });
  return {
    ...input,
    start: state(input.start),
    end: state(input.end),
    changes: [...input.changes].reverse(),
    escalations: [...input.escalations].reverse(),
    inspections: [...input.inspections].reverse(),
    people: [...input.people].reverse(),
  };
}

/** Every object's keys in reverse order, as a database's JSON column may hand them back. */
function keysReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysReversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, keysReversed((value as Record<string, unknown>)[k])]),
  );
}

describe('renderings of the report', () => {
  it('are the same bytes whatever order the records came in, and from a snapshot read back with its keys in another order', () => {
    const markdown = renderReportMarkdown(report);
    const json = renderReportJson(report);
    const again = assembleWeeklyReport(reversed(historyInput()));
    expect(renderReportMarkdown(again)).toBe(markdown);
    expect(renderReportJson(again)).toBe(json);
    const stored = keysReversed(JSON.parse(json)) as WeeklyReport;
    expect(Object.keys(stored)[0]).toBe('week');
    expect(renderReportJson(stored)).toBe(json);
    expect(renderReportMarkdown(stored)).toBe(markdown);
    expect(JSON.parse(json)).toEqual(report);
  });

  it('writes JSON with every object’s keys sorted', () => {
    const json = renderReportJson(report);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'asOf',
      'blockers',
      'decisionsNeeded',
      'endAt',
      'endDate',
      'milestoneMovement',
      'narrative',
      'nextWeek',
      'onTrack',
      'people',
      'planVsActual',
      'program',
      'releaseReadiness',
      'riskChanges',
      'startAt',
      'startDate',
      'week',
    ]);
    expect(json).toContain('"onTrack": {\n    "code": "off_track",\n    "params": {\n      "atRisk": 1,');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('writes Markdown under the five headings, dates as YYYY-MM-DD, instants in the program’s zone with offset, text escaped', () => {
    expect(renderReportMarkdown(report)).toMatchInlineSnapshot(`
      "# Weekly report: Kettle housing 1.7 l (ABC), 2026-W49

      Week 2026-11-30 to 2026-12-06 (Asia/Shanghai), as of 2026-12-07T00:00:00+08:00.

      **Are we on track?** Off track: 2 milestones late, 1 at risk; M-4 is 2 business days overdue; release readiness is red.

      **Release readiness: red**

      - amber: G4 checklist not complete: C-4.
      - red: Latest inspection I-2 of Hinge torque rejected.
      - red: Critical risk R-1 open (score 16).
      - red: Critical risk R-4 open (score 16).
      - red: Escalation E-1 open, past its deadline.
      - amber: Escalation E-2 open.
      - amber: Escalation E-4 open.
      - red: Blocking action A-1 open, overdue.
      - amber: Blocking action A-2 open.
      - amber: Blocking action A-4 open.
      - amber: Release decision D-2 pending.

      ## 1. Milestone movement

      ### Moved

      | Milestone | Owner | Date | From | To | Business days | Why | Who | When |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | M-4 Packaging approval | _no owner_ | forecast | 2026-12-01 | 2026-12-03 | +2 | Artwork revision | Li Na | 2026-12-01T10:00:00+08:00 |
      | M-3 Pilot run | Dana Whitfield | forecast | 2026-12-04 | 2026-12-11 | +5 | Resin arrives late | Dana Whitfield | 2026-12-06T23:30:00+08:00 |

      ### Completed

      | Milestone | Owner | Actual | Baseline | Variance (business days) | Recorded by | When |
      | --- | --- | --- | --- | --- | --- | --- |
      | M-2 First article inspection | 陈伟 | 2026-12-03 | 2026-12-02 | +1 | 陈伟 | 2026-12-03T17:00:00+08:00 |

      ### Went late

      | Milestone | Owner | Forecast | Baseline | Passed |
      | --- | --- | --- | --- | --- |
      | M-3 Pilot run | Dana Whitfield | 2026-12-11 | 2026-12-04 | baseline |
      | M-4 Packaging approval | _no owner_ | 2026-12-03 | 2026-12-01 | forecast, baseline |

      ## 2. Blockers requiring action

      ### Blocking actions

      | Action | Owner | Due | Blocks |  |
      | --- | --- | --- | --- | --- |
      | A-1 Repair cavity 3 of the tool | 陈伟 | 2026-12-04 | M-5 | **overdue** |
      | A-2 Approve the carton drop test | Li Na | 2026-12-10 | M-6 |  |
      | A-4 Update the control plan | Li Na | _no date_ | M-6 |  |

      ### Open escalations

      | Escalation | Owner | Deadline | Level | Status |  |
      | --- | --- | --- | --- | --- | --- |
      | E-1 Flash on cavity 3 over the limit | 陈伟 | 2026-12-04T18:00:00+08:00 | 2 | open | **overdue** |
      | E-2 Resin delivery late | Dana Whitfield | 2026-12-09T18:00:00+08:00 | 1 | acknowledged |  |
      | E-4 Carton supplier silent | _no owner_ | _no deadline_ | 2 | expired |  |

      ## 3. Decisions needed from owners

      | Decision | Owner | Due |  |
      | --- | --- | --- | --- |
      | D-1 Accept the cosmetic deviation on the lid | Dana Whitfield | 2026-12-02 | **overdue** |
      | D-2 Approve air freight for resin | Dana Whitfield | 2026-12-09 |  |
      | D-3 Choose a second resin supplier | _no owner_ | _no date_ |  |

      ## 4. Risk changes

      | Risk | Owner | Change | Score | Why | Who | When |
      | --- | --- | --- | --- | --- | --- | --- |
      | R-1 Resin shortage | Dana Whitfield | rescored | 12 → 16 | The second supplier is short too | Dana Whitfield | 2026-12-01T11:00:00+08:00 |
      | R-2 Tool wear | 陈伟 | closed | – | Tool repaired and verified | 陈伟 | 2026-12-02T14:00:00+08:00 |
      | R-5 Inspector availability | Dana Whitfield | new | 4 | – | Dana Whitfield | 2026-12-03T09:00:00+08:00 |
      | R-3 Port congestion | Li Na | realized | – | Vessel missed; shipment a week late | Li Na | 2026-12-04T16:00:00+08:00 |

      ## 5. Next-week plan (2026-W50)

      ### Milestones

      | Item | Owner | Due |
      | --- | --- | --- |
      | M-5 Pilot review | Dana Whitfield | 2026-12-09 |
      | M-3 Pilot run | Dana Whitfield | 2026-12-11 |

      ### Gate reviews

      | Item | Owner | Due |
      | --- | --- | --- |
      | G2 Pilot run checks | Dana Whitfield | 2026-12-09 |

      ### Checklist items

      | Item | Owner | Due |
      | --- | --- | --- |
      | G2 C-1 Part submission warrant | 陈伟 | 2026-12-08 |
      | G2 C-2 Capability study | _no owner_ | 2026-12-09 |

      ### Actions

      | Item | Owner | Due |
      | --- | --- | --- |
      | A-3 Send the golden sample | _no owner_ | 2026-12-08 |
      | A-2 Approve the carton drop test | Li Na | 2026-12-10 |

      ### Decisions

      | Item | Owner | Due |
      | --- | --- | --- |
      | D-2 Approve air freight for resin | Dana Whitfield | 2026-12-09 |

      ## Plan vs actual

      | Milestone | Owner | Baseline | Forecast | Actual | Variance (business days) | Health |
      | --- | --- | --- | --- | --- | --- | --- |
      | M-1 Tooling sign-off | 陈伟 | 2026-11-20 | 2026-11-20 | 2026-11-20 | 0 | done |
      | M-4 Packaging approval | _no owner_ | 2026-12-01 | 2026-12-03 | – | +2 | late |
      | M-2 First article inspection | 陈伟 | 2026-12-02 | 2026-12-02 | 2026-12-03 | +1 | done |
      | M-3 Pilot run | Dana Whitfield | 2026-12-04 | 2026-12-11 | – | +5 | late |
      | M-5 Pilot review | Dana Whitfield | 2026-12-09 | 2026-12-09 | – | 0 | at risk |
      | M-6 Release to production | Dana Whitfield | 2026-12-18 | 2026-12-18 | – | 0 | on track |

      ## Narrative

      Pilot run moved a week: resin \\| \\*late\\*.\\
      Air freight decision needed by Wednesday.
      "
    `);
  });
});
