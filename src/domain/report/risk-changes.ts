import { changeText } from '../change.js';
import { type RiskChangeRow, riskEvents } from '../risk-history.js';
import { isInSpan } from './iso-week.js';
import type { ReportContext } from './report-context.js';
import { compareInstants, utcText } from './report-order.js';
import type { RiskChange } from './weekly-report.js';

const seedAt = '1970-01-01T00:00:00.000Z';
const seedFields = ['title', 'likelihood', 'impact', 'residualLikelihood', 'residualImpact', 'status'] as const;

/**
 * Risk changes of the week (domain/risk-history.ts riskEvents): raised, re-scored (old → new score),
 * closed, realized, with the reason and who, oldest first. The risks as they stood at the week's start
 * stand in for their history before it, so a re-scoring knows the score it left.
 */
export function riskChanges(ctx: ReportContext): RiskChange[] {
  const { input, span } = ctx;
  const seeds: RiskChangeRow[] = input.start.risks.flatMap((r) =>
    seedFields.map((field) => ({
      at: seedAt,
      actorId: '',
      entityId: r.id,
      entityKey: r.key,
      correlationId: `start:${r.id}`,
      field,
      oldValue: null,
      newValue: changeText(r[field]),
      reason: null,
    })),
  );
  const rows: RiskChangeRow[] = input.changes
    .filter((c) => c.entity === 'risk' && isInSpan(c.at, span))
    .map((c) => ({ ...c, at: utcText(c.at) }))
    .sort((a, b) => compareInstants(a.at, b.at));
  const ownerOf = new Map(input.end.risks.map((r) => [r.id, r.ownerId]));
  return riskEvents([...seeds, ...rows], utcText(span.startAt), utcText(span.endAt)).map((e) => ({
    kind: e.kind,
    key: e.key,
    title: e.title,
    ownerId: ownerOf.get(e.riskId) ?? null,
    from: e.from,
    to: e.to,
    reason: e.reason,
    actorId: e.actorId,
    at: e.at,
  }));
}
