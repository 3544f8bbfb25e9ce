import { workOutSamplingPlan } from '../app/sampling/work-out-sampling-plan.js';
import type { samplingOperations } from '../contract/operations/sampling.js';
import type { Bindings } from './binding.js';
import { presented } from './binding.js';

/** The sampling plan calculator (contract/operations/sampling.ts). */
export const samplingBindings: Bindings<keyof typeof samplingOperations> = {
  samplingPlan: async ({ actor }, { query }) =>
    presented(workOutSamplingPlan({ actor, ...query }), ({ plan, judgement }) => {
      const { steps, ...rest } = plan;
      const allSteps = judgement ? [...steps, judgement.step] : steps;
      return {
        ...rest,
        steps: allSteps.map((s) => ({ rule: s.rule, text: s.text, values: { ...s.values } })),
        ...(judgement ? { defectsFound: judgement.defectsFound, verdict: judgement.verdict } : {}),
      };
    }),
};
