import { describe, expect, it } from 'vitest';
import { noticeKinds } from '../notifications.js';
import { instantInZone } from './mail-text.js';
import { maxSubjectChars, noticeMailKinds, renderNoticeMail } from './notice-mail.js';

const links = {
  item: 'https://t.example/programs/A%3CB/actions#A-1',
  off: 'https://t.example/off?token=x&y',
  settings: 'https://t.example/account',
};

describe('notice e-mails', () => {
  it('has words for every kind of notice', () => {
    expect(Object.keys(noticeMailKinds).sort()).toEqual([...noticeKinds].sort());
  });

  it('writes instants in the recipient’s zone, naming it, across a DST change', () => {
    expect(instantInZone('2026-03-08T07:30:00Z', 'America/Chicago')).toBe('Sun 8 Mar 2026, 01:30 UTC-06:00 (America/Chicago)');
    expect(instantInZone('2026-03-08T08:30:00Z', 'America/Chicago')).toBe('Sun 8 Mar 2026, 03:30 UTC-05:00 (America/Chicago)');
    expect(instantInZone('2026-03-16T02:00:00Z', 'Asia/Shanghai')).toBe('Mon 16 Mar 2026, 10:00 UTC+08:00 (Asia/Shanghai)');
  });

  it('escapes what people wrote in the HTML part, keeps it as written in the text part, and bounds the subject', () => {
    const m = renderNoticeMail({
      notice: {
        kind: 'action_assigned',
        facts: { programCode: 'KW', actionKey: 'A-1', title: `<script>alert("x")</script>${'long '.repeat(60)}` },
      },
      at: '2026-03-16T02:00:00Z',
      timeZone: 'UTC',
      links,
    });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(m.html).toContain('href="https://t.example/off?token=x&amp;y"');
    expect(m.text).toContain('<script>alert("x")</script>');
    expect(m.text).toContain(`Open in Tollgate: ${links.item}`);
    expect(m.text).toContain(`Stop these e-mails with one click: ${links.off}`);
    expect(m.subject.length).toBeLessThanOrEqual(maxSubjectChars);
    expect(m.subject.startsWith('[Tollgate] KW A-1 is yours: ')).toBe(true);
  });

  it('names a gate at risk’s review date as a calendar day and the items off course', () => {
    const m = renderNoticeMail({
      notice: {
        kind: 'gate_at_risk',
        facts: {
          programCode: 'KW',
          gateKey: 'G2',
          gateName: 'Pilot',
          plannedReviewDate: '2026-04-20',
          items: [{ key: 'G2-1', title: 'PFMEA' }],
          moreItems: 2,
        },
      },
      at: '2026-04-01T23:30:00Z',
      timeZone: 'Asia/Shanghai',
      links,
    });
    expect(m.text).toContain('its review is planned for Mon 20 Apr 2026');
    expect(m.text).toContain('- G2-1 PFMEA');
    expect(m.text).toContain('and 2 more');
    expect(m.text).toContain('When: Thu 2 Apr 2026, 07:30 UTC+08:00 (Asia/Shanghai)');
  });
});
