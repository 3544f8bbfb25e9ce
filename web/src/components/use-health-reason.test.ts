import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { formatSigned } from '../lib/format.js';
import type { HealthReason } from '../lib/health.js';
import { useHealthReason } from './use-health-reason.js';

const subject = { key: 'M-12', name: 'Pilot run sign-off' };

/** One reason of every kind the server sends, with one day (or move) and with several. */
const reasons = (n: number): HealthReason[] => [
  { kind: 'done' },
  { kind: 'on_plan' },
  { kind: 'slipped', days: n },
  { kind: 'breach', days: n, tolerance: 3 },
  { kind: 'overdue', days: n },
  { kind: 'no_slack', days: n },
  { kind: 'slipping', moves: n, days: n },
  { kind: 'blocked', actionKey: 'A-7', overdue: n > 1 },
  { kind: 'unavailable' },
];

describe('useHealthReason', () => {
  const { sentence, phrase } = callHook(useHealthReason);

  it('words every reason from the catalogue, in full and short, never showing a key or a placeholder', () => {
    for (const n of [1, 2]) {
      for (const r of reasons(n)) {
        for (const text of [sentence(r, subject), phrase(r)]) {
          expect(text, `${r.kind} (${n})`).not.toMatch(/\{\{|reason\.|plan\.|_one|_other/);
          expect(text.length, `${r.kind} (${n})`).toBeGreaterThan(3);
        }
        if (r.kind !== 'unavailable') expect(sentence(r, subject), r.kind).toContain('M-12 Pilot run sign-off');
      }
    }
  });

  it('counts business days in the singular and the plural', () => {
    expect(sentence({ kind: 'breach', days: 1, tolerance: 0 }, subject)).toBe(
      'M-12 Pilot run sign-off is 1 business day behind its baseline (tolerance 0)',
    );
    expect(phrase({ kind: 'overdue', days: 6 })).toBe('6 business days past forecast, not done');
    expect(phrase({ kind: 'no_slack', days: 0 })).toBe('No business days to spare before the target release');
    expect(sentence({ kind: 'slipping', moves: 1, days: 4 }, subject)).toBe(
      `M-12 Pilot run sign-off moved later once in 4 weeks (${formatSigned(4)} business days)`,
    );
  });

  it('tells an overdue blocker from one due after the forecast', () => {
    expect(phrase({ kind: 'blocked', actionKey: 'A-7', overdue: true })).toBe('Blocked by A-7, overdue');
    expect(phrase({ kind: 'blocked', actionKey: 'A-7', overdue: false })).toBe('Blocked by A-7, due after the forecast');
  });

  it('speaks of the whole program when no milestone sets its health', () => {
    expect(sentence({ kind: 'on_plan' }, null, 0)).toBe('No milestones are planned yet');
    expect(sentence({ kind: 'on_plan' }, null, 4)).toBe('Every open milestone is on plan');
    expect(sentence({ kind: 'done' }, null, 4)).toBe('Every milestone is done');
  });
});
