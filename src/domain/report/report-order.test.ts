import { describe, expect, it } from 'vitest';
import { compareInstants } from './report-order.js';

describe('compareInstants', () => {
  it('orders instants as instants, in the stored UTC form (compared as text) and with any offset alike', () => {
    const sign = (n: number) => Math.sign(n);
    const instants = [
      '2026-06-17T08:00:00.000Z',
      '2026-06-17T08:00:00.001Z',
      '2026-06-17T07:59:59.999Z',
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.000Z',
      '0999-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ];
    const forms = (t: string) => [t, t.replace('.000Z', 'Z'), new Date(Date.parse(t) + 0).toISOString().replace('Z', '+00:00')];
    for (const a of instants)
      for (const b of instants)
        for (const x of forms(a))
          for (const y of forms(b)) expect(sign(compareInstants(x, y)), `${x} vs ${y}`).toBe(sign(Date.parse(a) - Date.parse(b)));
    // Another offset: the same instant as 10:00 in Berlin's summer.
    expect(compareInstants('2026-06-17T10:00:00.000+02:00', '2026-06-17T08:00:00.000Z')).toBe(0);
    expect(compareInstants('2026-06-17T10:00:00.001+02:00', '2026-06-17T08:00:00.000Z')).toBeGreaterThan(0);
  });
});
