import { diffFields } from './change.js';
import type { Edit } from './edit.js';
import type { UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

export const riskCategories = ['schedule', 'quality', 'supply', 'commercial', 'compliance'] as const;
export type RiskCategory = (typeof riskCategories)[number];
export const riskStrategies = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export type RiskStrategy = (typeof riskStrategies)[number];
export const riskStatuses = ['open', 'mitigating', 'closed', 'realized'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

export interface Risk {
  readonly id: string;
  readonly programId: string;
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly ownerId: UserId | null;
  readonly category: RiskCategory;
  readonly likelihood: number;
  readonly impact: number;
  readonly earlyWarning: string;
  readonly strategy: RiskStrategy;
  readonly mitigation: string;
  readonly residualLikelihood: number | null;
  readonly residualImpact: number | null;
  readonly reviewDate: PlainDate | null;
  readonly status: RiskStatus;
  readonly version: number;
}

export const riskFields = [
  'title',
  'description',
  'ownerId',
  'category',
  'likelihood',
  'impact',
  'earlyWarning',
  'strategy',
  'mitigation',
  'residualLikelihood',
  'residualImpact',
  'reviewDate',
  'status',
] as const satisfies readonly (keyof Risk)[];

/** Score = likelihood × impact, 1-25. */
export const riskScore = (likelihood: number, impact: number): number => likelihood * impact;

/** The lowest score of a high risk (the red cells of the 5×5 map). */
export const highRiskScore = 15;

/** A risk scoring 15 or more is high (the red cells of the 5×5 map); 8-14 medium; below 8 low. */
export function riskBand(score: number): 'high' | 'medium' | 'low' {
  return score >= highRiskScore ? 'high' : score >= 8 ? 'medium' : 'low';
}

const isLevel = (n: number | null | undefined) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
const isLevelOrNone = (n: number | null | undefined) => n === null || n === undefined || isLevel(n);
/** Open and mitigating risks are live: they change, score on the heat map and are reviewed. */
export const isRiskOpen = (r: Pick<Risk, 'status'>): boolean => r.status === 'open' || r.status === 'mitigating';
const isOpen = isRiskOpen;

export type RiskDraft = Omit<Risk, 'version' | 'status'> & { readonly status?: RiskStatus | undefined };

function checkLevels(r: Pick<Risk, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>): Result<true> {
  const bad = [
    ...(['likelihood', 'impact'] as const).filter((f) => !isLevel(r[f])),
    ...(['residualLikelihood', 'residualImpact'] as const).filter((f) => !isLevelOrNone(r[f])),
  ];
  if (bad.length)
    return refuse(
      'VALIDATION_FAILED',
      'Likelihood and impact are whole numbers from 1 to 5.',
      bad.map((path) => ({ path, message: '1 to 5.' })),
    );
  if ((r.residualLikelihood === null) !== (r.residualImpact === null)) {
    return refuse('VALIDATION_FAILED', 'Give both residual likelihood and residual impact, or neither.', [
      { path: 'residualImpact', message: 'Give both or neither.' },
    ]);
  }
  return ok(true);
}

/** A risk is raised with a title and a named owner, scored on the 5×5 scale. */
export function raiseRisk(draft: RiskDraft): Result<Edit<Risk>> {
  if (!draft.title.trim()) return refuse('VALIDATION_FAILED', 'Give the risk a title.', [{ path: 'title', message: 'Required.' }]);
  if (draft.ownerId === null)
    return refuse('OWNER_REQUIRED', 'Every risk needs an owner who watches it.', [{ path: 'ownerId', message: 'Name the risk owner.' }]);
  const levels = checkLevels(draft);
  if (!levels.ok) return levels;
  const next: Risk = { ...draft, title: draft.title.trim(), status: draft.status ?? 'open', version: 1 };
  return ok({ next, changes: diffFields(null, next, riskFields) });
}

export type RiskPatch = Partial<Omit<Risk, 'id' | 'programId' | 'key' | 'version' | 'status'>> & {
  readonly status?: 'open' | 'mitigating' | undefined;
};

/** An open risk is updated (re-scored, re-planned) with a reason, so its history explains itself. */
export function updateRisk(r: Risk, patch: RiskPatch, reason: string | undefined): Result<Edit<Risk>> {
  if (!isOpen(r)) return refuse('RISK_CLOSED', `${r.key} is ${r.status}; it no longer changes.`);
  if (!reason?.trim()) return refuse('REASON_REQUIRED', 'Say why the risk changes.', [{ path: 'reason', message: 'Required.' }]);
  if (patch.ownerId === null)
    return refuse('OWNER_REQUIRED', 'A risk keeps a named owner.', [{ path: 'ownerId', message: 'Name the risk owner.' }]);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: Risk = { ...r, ...defined, version: r.version + 1 };
  const levels = checkLevels(next);
  if (!levels.ok) return levels;
  const changes = diffFields(r, next, riskFields);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', 'Every value given equals the current one.');
  return ok({ next, changes });
}

/** Closing (the risk has passed) or realizing (it happened) ends a risk; both need a reason. */
export function endRisk(r: Risk, outcome: 'closed' | 'realized', reason: string | undefined): Result<Edit<Risk>> {
  if (!isOpen(r)) return refuse('RISK_CLOSED', `${r.key} is already ${r.status}.`);
  if (!reason?.trim())
    return refuse('REASON_REQUIRED', outcome === 'closed' ? 'Say why the risk is closed.' : 'Say what happened.', [
      { path: 'reason', message: 'Required.' },
    ]);
  const next: Risk = { ...r, status: outcome, version: r.version + 1 };
  return ok({ next, changes: diffFields(r, next, riskFields) });
}

export interface HeatCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly keys: readonly string[];
}

/** The 5×5 heat map of open risks, by current or residual score (residual falls back to current). */
export function heatMap(risks: readonly Risk[], basis: 'current' | 'residual'): HeatCell[] {
  const cells: HeatCell[] = [];
  for (let likelihood = 1; likelihood <= 5; likelihood++) {
    for (let impact = 1; impact <= 5; impact++) {
      const keys = risks
        .filter(isOpen)
        .filter((r) => {
          const l = basis === 'residual' ? (r.residualLikelihood ?? r.likelihood) : r.likelihood;
          const i = basis === 'residual' ? (r.residualImpact ?? r.impact) : r.impact;
          return l === likelihood && i === impact;
        })
        .map((r) => r.key);
      cells.push({ likelihood, impact, keys });
    }
  }
  return cells;
}
