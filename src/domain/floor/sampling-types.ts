import type { Result } from '../result.js';

// TODO(sampling): these are copies of the TYPES of src/domain/sampling/iso2859.ts (branch `sampling`, not yet on
// main). Once it lands, delete this file and import them from '../sampling/iso2859.js'; the tables and the
// functions come only from there (app/floor/sampling.ts wires `samplingPlan` in).

export type InspectionLevel = 'I' | 'II' | 'III' | 'S-1' | 'S-2' | 'S-3' | 'S-4';

export const inspectionLevels: readonly InspectionLevel[] = ['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4'];

/** ISO 2859-1's single sampling plan for normal inspection, after the table's arrows, and how it was found. */
export interface SamplingPlan {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
  readonly codeLetter: string;
  readonly planLetter: string;
  readonly sampleSize: number;
  readonly acceptNumber: number;
  readonly rejectNumber: number;
  readonly hundredPercent: boolean;
  /** How many units are inspected: the sample, or the whole lot when that is smaller. */
  readonly unitsToInspect: number;
  readonly steps: readonly { readonly rule: string; readonly text: string; readonly values?: Readonly<Record<string, string | number>> }[];
}

/** The plan for one lot, level and AQL (iso2859.ts's `samplingPlan`), passed in so the rules here hold no tables. */
export type SamplingPlanFor = (q: {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
}) => Result<SamplingPlan>;
