import type { ProgramSummary } from '../../../src/contract/program.js';
import { attentionRank, type Health, healthOrder, reasonSeverity } from '../lib/health.js';

/** Needing attention first: late, at risk, on track, done; the biggest trouble first within each. */
export function sortByAttention(programs: readonly ProgramSummary[]): ProgramSummary[] {
  return [...programs].sort(
    (a, b) =>
      attentionRank(a.health) - attentionRank(b.health) ||
      reasonSeverity(b.healthReason) - reasonSeverity(a.healthReason) ||
      a.name.localeCompare(b.name),
  );
}

/** How many programs have each health, in attention order. */
export function countByHealth(programs: readonly ProgramSummary[]): [Health, number][] {
  return healthOrder.map((h) => [h, programs.filter((p) => p.health === h).length]);
}
