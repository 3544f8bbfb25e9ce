import { describe, expect, it } from 'vitest';
import { isPast } from './instant.js';

describe('isPast', () => {
  it('holds for an instant before now, and for now itself', () => {
    expect(isPast('2000-01-01T00:00:00Z')).toBe(true);
    expect(isPast(new Date(Date.now()).toISOString())).toBe(true);
  });

  it('does not hold for an instant to come', () => {
    expect(isPast(new Date(Date.now() + 60_000).toISOString())).toBe(false);
    expect(isPast('2999-12-31T24:00:00Z')).toBe(false);
  });

  it('reads the offset: the same wall-clock time is earlier further east', () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString().replace('Z', '');
    expect(isPast(`${inAnHour}+00:00`)).toBe(false);
    expect(isPast(`${inAnHour}+02:00`)).toBe(true);
  });

  it('does not take what is not an instant as past', () => {
    expect(isPast('')).toBe(false);
    expect(isPast('soon')).toBe(false);
  });
});
