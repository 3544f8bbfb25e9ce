import { describe, expect, it } from 'vitest';
import { historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from '../report/assemble-weekly-report.js';
import { renderReportMail } from './report-mail.js';

const report = assembleWeeklyReport(historyInput());
const link = 'https://tollgate.example.test/programs/ABC/reports/2026-W49/1';

describe('renderReportMail', () => {
  it('names the program, the week and the answer in the subject; carries the whole report in both parts', () => {
    const mail = renderReportMail({ report, revision: 1, corrections: [], link });
    expect(mail.subject).toBe(`[Tollgate] ABC weekly report 2026-W49: ${report.onTrack.text}`);
    for (const heading of [
      '1. Milestone movement',
      '2. Blockers requiring action',
      '3. Decisions needed from owners',
      '4. Risk changes',
      '5. Next-week plan (2026-W50)',
    ]) {
      expect(mail.text).toContain(`${heading}\n`);
      expect(mail.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(mail.text).toContain('* A-1 Repair cavity 3 of the tool; Owner: 陈伟; Due: 2026-12-04; Blocks: M-5; overdue');
    expect(mail.html).toContain('<strong>overdue</strong>');
    expect(mail.text).toContain(`Open in Tollgate: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">Open in Tollgate</a>`);
  });

  it('escapes what people typed in the HTML part', () => {
    const hostile = assembleWeeklyReport({ ...historyInput(), narrative: '<script>alert(1)</script>\nsecond & last' });
    const mail = renderReportMail({ report: hostile, revision: 1, corrections: [], link });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>second &amp; last');
    expect(mail.text).toContain('<script>alert(1)</script>\nsecond & last');
  });

  it('says what a correction changed', () => {
    const mail = renderReportMail({ report, revision: 2, corrections: ['Narrative rewritten.'], link });
    expect(mail.subject).toContain('ABC weekly report 2026-W49 (revision 2):');
    expect(mail.text.startsWith('This is revision 2: it corrects the report issued before.\n- Narrative rewritten.\n')).toBe(true);
    expect(mail.html).toContain('<li>Narrative rewritten.</li>');
  });
});
