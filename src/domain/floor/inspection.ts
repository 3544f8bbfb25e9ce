import type { FieldProblem, Result } from '../result.js';
import { ok } from '../result.js';
import { type InspectionLevel, type SamplingInput, type SamplingPlan, samplingPlan } from '../sampling/iso2859.js';
import {
  type DefectClass,
  type DefectClassInput,
  type DefectClassResult,
  defectClasses,
  type InspectionDetails,
  type Verdict,
} from './floor-event.js';

/** Where a plan comes from: ISO 2859-1's tables (domain/sampling/iso2859.ts), or a stand-in a test gives. */
export type SamplingPlanFor = (q: SamplingInput) => Result<SamplingPlan>;

export interface InspectionInput {
  readonly lotRef: string;
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly classes: Partial<Readonly<Record<DefectClass, DefectClassInput>>>;
}

/** The verdict of one class: reject once the defects found reach the rejection number. */
const classVerdict = (found: number, rejectNumber: number): Verdict => (found >= rejectNumber ? 'reject' : 'accept');

/**
 * Judges an inspection per defect class on ISO 2859-1's single sampling plan for normal inspection
 * (`planFor`): critical defects accept none (Ac 0, Re 1) unless the program says otherwise; the lot is
 * rejected when any class rejects. Defects found may not exceed the units inspected (AQL up to 10).
 * Field problems name `<class>.aql` and `<class>.defectsFound`.
 */
export function judgeInspection(
  input: InspectionInput,
  criticalAcceptsNone: boolean,
  planFor: SamplingPlanFor = samplingPlan,
): Result<InspectionDetails> {
  const problems: FieldProblem[] = [];
  const classes: DefectClassResult[] = [];
  for (const defectClass of defectClasses) {
    const asked = input.classes[defectClass];
    if (asked === undefined) continue;
    const plan = planFor({ lotSize: input.lotSize, level: input.level, aql: asked.aql });
    if (!plan.ok) {
      problems.push({ path: `${defectClass}.aql`, message: plan.error.fields?.[0]?.message ?? plan.error.message });
      continue;
    }
    const p = plan.value;
    // Up to AQL 10 a plan counts defective units, so no more than were inspected; above it, nonconformities
    // per 100 units, which may outnumber the units (bounded by the record's own limit).
    if (asked.aql <= 10 && asked.defectsFound > p.unitsToInspect) {
      problems.push({ path: `${defectClass}.defectsFound`, message: `Must be at most the units inspected, ${p.unitsToInspect}.` });
      continue;
    }
    const isStrict = defectClass === 'critical' && criticalAcceptsNone;
    const acceptNumber = isStrict ? 0 : p.acceptNumber;
    const rejectNumber = isStrict ? 1 : p.rejectNumber;
    classes.push({
      defectClass,
      aql: asked.aql,
      plan: p,
      acceptNumber,
      rejectNumber,
      defectsFound: asked.defectsFound,
      verdict: classVerdict(asked.defectsFound, rejectNumber),
      defectRatePercent: (asked.defectsFound * 100) / p.unitsToInspect,
    });
  }
  if (problems.length > 0)
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The inspection cannot be judged.', fields: problems } };
  return ok({
    lotRef: input.lotRef,
    lotSize: input.lotSize,
    level: input.level,
    classes,
    criticalAcceptsNone,
    verdict: classes.some((c) => c.verdict === 'reject') ? 'reject' : 'accept',
  });
}

/** The highest defect rate of an inspection's classes, in percent of the sample: what a defect-rate trigger compares. */
export const worstDefectRatePercent = (i: InspectionDetails): number => Math.max(0, ...i.classes.map((c) => c.defectRatePercent));
