import type { SamplingPlanFor } from '../../domain/floor/sampling-types.js';
import { refuse } from '../../domain/result.js';

// TODO(sampling): once src/domain/sampling/iso2859.ts (branch `sampling`) is on main, this becomes
// `export const planFor: SamplingPlanFor = samplingPlan;` imported from there. Until then no inspection can be
// judged, and says so naming the AQL, rather than with tables of our own.
export const planFor: SamplingPlanFor = () =>
  refuse('VALIDATION_FAILED', 'The ISO 2859-1 sampling tables are not installed in this build.', [
    { path: 'aql', message: 'No sampling plan can be worked out in this build.' },
  ]);
