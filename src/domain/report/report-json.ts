import type { WeeklyReport } from './weekly-report.js';

/** A value with every object's keys in code-point order (undefined members left out), for stable JSON. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sorted(v);
  }
  return out;
}

/**
 * The report's stable JSON: the model with every object's keys in code-point order and two-space
 * indentation, so a snapshot read back from either database (PostgreSQL's jsonb reorders keys) writes
 * byte-identical text.
 */
export const renderReportJson = (report: WeeklyReport): string => `${JSON.stringify(sorted(report), null, 2)}\n`;
