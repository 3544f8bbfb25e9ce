import { describe, expect, it } from 'vitest';
import { historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import type { MinutesEntry } from './meeting-minutes.js';
import { renderReportMarkdown } from './render-report-markdown.js';
import { renderReportJson } from './report-json.js';
import type { WeeklyReport } from './weekly-report.js';

const minutes: MinutesEntry[] = [
  {
    kind: 'action',
    key: 'A-9',
    title: 'Book air freight',
    ownerId: 'u-chen',
    dueDate: '2026-12-08' as never,
    actorId: 'u-dana',
    at: '2026-12-03T02:20:00.000Z',
  },
  {
    kind: 'decision',
    key: 'D-1',
    statement: 'Accept the cosmetic deviation on the lid',
    outcome: 'Accepted for the pilot only',
    rationale: 'Not visible in use',
    ownerId: 'u-dana',
    actorId: 'u-dana',
    at: '2026-12-03T02:10:00.000Z',
  },
];

describe('the minutes of the cadence meeting in the report', () => {
  it('are kept in the order recorded, name their people, and are written after the narrative', () => {
    const report = assembleWeeklyReport({ ...historyInput(), minutes });
    expect(report.minutes?.map((m) => m.key)).toEqual(['D-1', 'A-9']);
    expect(report.people.map((p) => p.id)).toContain('u-chen');
    const md = renderReportMarkdown(report);
    const tail = md.slice(md.indexOf('## Meeting minutes'));
    expect(md.indexOf('## Narrative')).toBeLessThan(md.indexOf('## Meeting minutes'));
    expect(tail).toContain('### Decisions taken');
    expect(tail).toContain(
      '| D-1 Accept the cosmetic deviation on the lid | Accepted for the pilot only | Not visible in use | Dana Whitfield | Dana Whitfield | 2026-12-03T10:10:00+08:00 |',
    );
    expect(tail).toContain('| A-9 Book air freight | 陈伟 | 2026-12-08 | Dana Whitfield | 2026-12-03T10:20:00+08:00 |');
  });

  it('re-render byte for byte from the snapshot; a week without a meeting says none; a report made before minutes has no section', () => {
    const report = assembleWeeklyReport({ ...historyInput(), minutes });
    const snapshot = renderReportJson(report);
    const back = JSON.parse(snapshot) as WeeklyReport;
    expect(renderReportJson(back)).toBe(snapshot);
    expect(renderReportMarkdown(back)).toBe(renderReportMarkdown(report));
    const none = renderReportMarkdown(assembleWeeklyReport({ ...historyInput(), minutes: [] }));
    expect(none).toContain('## Meeting minutes');
    expect(renderReportMarkdown(assembleWeeklyReport(historyInput()))).not.toContain('Meeting minutes');
  });
});
