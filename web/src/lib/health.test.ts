import { describe, expect, it } from 'vitest';
import { attentionRank, type Health, type HealthReason, healthIcon, healthOrder, reasonSeverity } from './health.js';

describe('attentionRank', () => {
  it('puts late first, then at risk, on track and done', () => {
    const all: Health[] = ['done', 'on_track', 'late', 'at_risk'];
    expect([...all].sort((a, b) => attentionRank(a) - attentionRank(b))).toEqual(['late', 'at_risk', 'on_track', 'done']);
  });

  it('ranks every health level (none falls off the end as -1)', () => {
    for (const h of Object.keys(healthIcon) as Health[]) expect(attentionRank(h)).toBeGreaterThanOrEqual(0);
  });
});

describe('reasonSeverity', () => {
  it('puts any overdue milestone above any slip or breach, however long', () => {
    expect(reasonSeverity({ kind: 'overdue', days: 0 })).toBeGreaterThan(reasonSeverity({ kind: 'breach', days: 999, tolerance: 5 }));
    expect(reasonSeverity({ kind: 'overdue', days: 1 })).toBeGreaterThan(reasonSeverity({ kind: 'slipped', days: 999 }));
  });

  it('puts more days above fewer, within a kind', () => {
    expect(reasonSeverity({ kind: 'overdue', days: 10 })).toBeGreaterThan(reasonSeverity({ kind: 'overdue', days: 2 }));
    expect(reasonSeverity({ kind: 'breach', days: 12, tolerance: 5 })).toBeGreaterThan(
      reasonSeverity({ kind: 'breach', days: 6, tolerance: 5 }),
    );
  });

  it('counts the days of every at-risk reason that has them, as the server does when it picks the worst milestone', () => {
    const fewDaysSlipped = reasonSeverity({ kind: 'slipped', days: 1 });
    expect(reasonSeverity({ kind: 'no_slack', days: 20 })).toBeGreaterThan(fewDaysSlipped);
    expect(reasonSeverity({ kind: 'slipping', moves: 3, days: 15 })).toBeGreaterThan(fewDaysSlipped);
    expect(reasonSeverity({ kind: 'slipped', days: 20 })).toBeGreaterThan(reasonSeverity({ kind: 'no_slack', days: 2 }));
  });

  it('gives reasons without days no weight', () => {
    const none: HealthReason[] = [
      { kind: 'done' },
      { kind: 'on_plan' },
      { kind: 'unavailable' },
      { kind: 'blocked', actionKey: 'A-3', overdue: true },
    ];
    for (const r of none) expect(reasonSeverity(r)).toBe(0);
  });
});

describe('healthIcon', () => {
  it('gives each level its own shape, so health never rests on colour alone', () => {
    expect(new Set(healthOrder.map((h) => healthIcon[h])).size).toBe(healthOrder.length);
  });
});
