import { ok, type Result } from '../../domain/result.js';
import {
  type InspectionLevel,
  judgeSample,
  type SamplingJudgement,
  type SamplingPlan,
  samplingPlan,
} from '../../domain/sampling/iso2859.js';
import type { Actor } from '../deps.js';

export interface WorkOutSamplingPlanInput {
  readonly actor: Actor;
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
  readonly defectsFound?: number | undefined;
}

export interface SamplingPlanView {
  readonly plan: SamplingPlan;
  /** The verdict on the defects found, when they were given. */
  readonly judgement: (SamplingJudgement & { readonly defectsFound: number }) | null;
}

/**
 * The ISO 2859-1 plan for a lot, and the verdict on the defects found when given. Reference data: anyone signed
 * in may work it out (the actor is asked for so that a caller is always someone); nothing is read or written.
 */
export function workOutSamplingPlan(input: WorkOutSamplingPlanInput): Result<SamplingPlanView> {
  const plan = samplingPlan(input);
  if (!plan.ok) return plan;
  if (input.defectsFound === undefined) return ok({ plan: plan.value, judgement: null });
  const judged = judgeSample(plan.value, input.defectsFound);
  if (!judged.ok) return judged;
  return ok({ plan: plan.value, judgement: { ...judged.value, defectsFound: input.defectsFound } });
}
