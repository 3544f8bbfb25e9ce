import { describe, expect, it } from 'vitest';
import type { UserId } from './ids.js';
import { boundedFacts, maxNoticeFactsChars, maxNoticeItems, maxNoticeText, noticeLink, noticeRecipients } from './notifications.js';

const id = (s: string) => s as UserId;

describe('notices', () => {
  it('are sent to each person once, never to nobody, never to the one who made the change', () => {
    expect(noticeRecipients([id('a'), null, id('b'), id('a'), undefined, id('c')], id('b'))).toEqual(['a', 'c']);
    expect(noticeRecipients([id('a')], null)).toEqual(['a']);
    expect(noticeRecipients([id('a')], id('a'))).toEqual([]);
  });

  it('lead to the gate, the item on it, the program or the action, keys URL-encoded', () => {
    const gate = { programCode: 'KHG-KW500', gateKey: 'G1', gateName: 'x', fromStatus: 'a', toStatus: 'b' };
    expect(noticeLink({ kind: 'gate_status_changed', facts: gate })).toBe('/programs/KHG-KW500/gates/G1');
    expect(
      noticeLink({
        kind: 'evidence_rejected',
        facts: { programCode: 'KHG-KW500', gateKey: 'G1', itemKey: 'G1 #2', itemTitle: 't', comment: 'c' },
      }),
    ).toBe('/programs/KHG-KW500/gates/G1#G1%20%232');
    expect(noticeLink({ kind: 'intake_submitted', facts: { programCode: 'NEW-1', programName: 'n', clientName: 'c' } })).toBe(
      '/programs/NEW-1',
    );
    expect(noticeLink({ kind: 'action_assigned', facts: { programCode: 'KHG-KW500', actionKey: 'A-3', title: 't' } })).toBe(
      '/programs/KHG-KW500/actions#A-3',
    );
  });

  it('keep bounded facts: a long comment cut, at most ten items named with the rest counted, the JSON under its bound', () => {
    const rejected = boundedFacts({
      kind: 'evidence_rejected',
      facts: { programCode: 'P', gateKey: 'G1', itemKey: 'G1-1', itemTitle: 'x'.repeat(900), comment: 'y'.repeat(5000) },
    });
    if (rejected.kind !== 'evidence_rejected') throw new Error('kind changed');
    expect(rejected.facts.comment).toHaveLength(maxNoticeText);
    expect(rejected.facts.comment.endsWith('…')).toBe(true);
    expect(rejected.facts.itemTitle).toHaveLength(200);
    const items = Array.from({ length: 25 }, (_, i) => ({ key: `G2-${i}`, title: 't'.repeat(400) }));
    const risky = boundedFacts({
      kind: 'gate_at_risk',
      facts: { programCode: 'P', gateKey: 'G2', gateName: 'Pilot', plannedReviewDate: '2026-03-12', items, moreItems: 0 },
    });
    if (risky.kind !== 'gate_at_risk') throw new Error('kind changed');
    expect(risky.facts.items).toHaveLength(maxNoticeItems);
    expect(risky.facts.moreItems).toBe(15);
    expect(JSON.stringify(risky.facts).length).toBeLessThanOrEqual(maxNoticeFactsChars);
  });
});
