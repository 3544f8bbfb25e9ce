import { describe, expect, it } from 'vitest';
import { clockOf } from './compose.js';

describe('the clock of the composition root', () => {
  it('is the machine clock without TOLLGATE_NOW', () => {
    const before = Date.now();
    const t = clockOf({ now: undefined }).now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('starts at TOLLGATE_NOW and runs on from there', async () => {
    const start = new Date('2026-10-01T01:00:00Z');
    const clock = clockOf({ now: start });
    const first = clock.now().getTime();
    expect(first - start.getTime()).toBeGreaterThanOrEqual(0);
    expect(first - start.getTime()).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 25));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });
});
