import { ok, type Result, refuse } from '../result.js';
import {
  aqlLabels,
  aqlValues,
  type CodeLetter,
  codeLetters,
  type InspectionLevel,
  inspectionLevels,
  type LotSizeRow,
  lotSizeMax,
  lotSizeMin,
  sampleSizes,
  tableI,
  tableIIA,
} from './iso2859-tables.js';

export type { CodeLetter, InspectionLevel } from './iso2859-tables.js';
export { aqlValues, inspectionLevels, lotSizeMax, lotSizeMin } from './iso2859-tables.js';

/** The most defects an inspection records: nonconformities per 100 units (AQLs above 10) may outnumber the units. */
export const defectsFoundMax = 10_000_000;

/** Which rule a step applied, for a reader that words the steps itself (the web's catalogue). */
export type SamplingRule = 'code-letter' | 'plan' | 'arrow-down' | 'arrow-up' | 'hundred-percent' | 'verdict';

/** One step of how a plan was found, in plain English, with the values it names. */
export interface SamplingStep {
  readonly rule: SamplingRule;
  readonly text: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export interface SamplingPlan {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
  /** The code letter Table I gives the lot size at the level. */
  readonly codeLetter: CodeLetter;
  /** The letter whose plan is used once the arrows of Table II-A are followed. */
  readonly planLetter: CodeLetter;
  /** n of the plan used (the plan letter's), also when it is not less than the lot. */
  readonly sampleSize: number;
  readonly acceptNumber: number;
  readonly rejectNumber: number;
  /** The sample is the lot or more: every unit of the lot is inspected. */
  readonly hundredPercent: boolean;
  /** How many units are inspected: the sample, or the whole lot when that is smaller. */
  readonly unitsToInspect: number;
  readonly steps: readonly SamplingStep[];
}

export interface SamplingInput {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
}

/** A count as the tables print it: 1,201. */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The AQL as the head of Table II-A writes it (0.010, 1.0, 10); a value not in the table as given. */
export const aqlLabel = (aql: number): string => aqlLabels[aqlValues.indexOf(aql)] ?? String(aql);

/** The allowed AQLs, as a refusal names them. */
const aqlList = aqlLabels.join(', ');

const rangeText = (row: LotSizeRow): string => (row.to === null ? `${count(row.from)} and over` : `${count(row.from)} to ${count(row.to)}`);

/** The Table I row of a lot size within the bounds. */
const lotRowOf = (lotSize: number): LotSizeRow =>
  tableI.find((r) => lotSize >= r.from && (r.to === null || lotSize <= r.to)) ?? (tableI.at(-1) as LotSizeRow);

/**
 * ISO 2859-1 single sampling at normal inspection: the lot size gives a code letter at the level (Table I); its
 * row of Table II-A at the AQL gives n, Ac and Re, or an arrow to the first plan below or above, whose own sample
 * size is then used with its Ac and Re. A sample of the lot or more means inspecting every unit.
 */
export function samplingPlan(input: SamplingInput): Result<SamplingPlan> {
  const { lotSize, level, aql } = input;
  if (!inspectionLevels.includes(level))
    return refuse('SAMPLING_LEVEL_UNKNOWN', `No inspection level "${String(level)}": use one of ${inspectionLevels.join(', ')}.`, [
      { path: 'level', message: `One of ${inspectionLevels.join(', ')}.` },
    ]);
  if (!Number.isInteger(lotSize) || lotSize < lotSizeMin || lotSize > lotSizeMax)
    return refuse(
      'SAMPLING_LOT_SIZE_OUT_OF_RANGE',
      `A lot size must be a whole number of units from ${count(lotSizeMin)} (Table I starts at 2) to ${count(lotSizeMax)}; got ${String(lotSize)}.`,
      [{ path: 'lotSize', message: `A whole number from ${count(lotSizeMin)} to ${count(lotSizeMax)}.` }],
    );
  const column = aqlValues.indexOf(aql);
  if (column < 0)
    return refuse('SAMPLING_AQL_NOT_IN_TABLE', `AQL ${String(aql)} is not one of the table's: ${aqlList}.`, [
      { path: 'aql', message: `One of ${aqlList}.` },
    ]);

  const row = lotRowOf(lotSize);
  const codeLetter = row.letters[level];
  const steps: SamplingStep[] = [
    {
      rule: 'code-letter',
      text: `Lot of ${count(lotSize)} at inspection level ${level} → code letter ${codeLetter} (Table I, lots of ${rangeText(row)})`,
      values: { lotSize, level, codeLetter, lotFrom: row.from, lotTo: row.to ?? 'over' },
    },
  ];

  const at = codeLetters.indexOf(codeLetter);
  const first = tableIIA[codeLetter][column];
  const label = aqlLabel(aql);
  let index = at;
  if (first === '↓' || first === '↑') {
    const stepBy = first === '↓' ? 1 : -1;
    let cell = first;
    while (cell === '↓' || cell === '↑') {
      index += stepBy;
      const letter = codeLetters[index];
      // The tables' test proves every arrow ends at a plan; a broken table is a bug, not a refusal.
      if (letter === undefined) throw new Error(`Table II-A: the arrow at ${codeLetter}, AQL ${label} leads off the table`);
      cell = tableIIA[letter][column] as typeof cell;
    }
  }
  const planLetter = codeLetters[index] as CodeLetter;
  const plan = tableIIA[planLetter][column];
  if (plan === undefined || plan === '↓' || plan === '↑') throw new Error(`Table II-A: no plan at ${planLetter}, AQL ${label}`);
  const sampleSize = sampleSizes[planLetter];
  const planValues = { letter: planLetter, aql: label, sampleSize, acceptNumber: plan.ac, rejectNumber: plan.re };
  const planText = `n = ${count(sampleSize)}, Ac ${plan.ac}, Re ${plan.re}`;
  if (first === '↓')
    steps.push({
      rule: 'arrow-down',
      text: `↓ at ${codeLetter}, AQL ${label}: use the first plan below the arrow: ${planLetter} (${planText}), its sample size instead of ${codeLetter}'s ${count(sampleSizes[codeLetter])}`,
      values: { from: codeLetter, ...planValues },
    });
  else if (first === '↑')
    steps.push({
      rule: 'arrow-up',
      text: `↑ at ${codeLetter}, AQL ${label}: use the first plan above the arrow: ${planLetter} (${planText}), its sample size instead of ${codeLetter}'s ${count(sampleSizes[codeLetter])}`,
      values: { from: codeLetter, ...planValues },
    });
  else steps.push({ rule: 'plan', text: `${planLetter} at AQL ${label} → ${planText} (Table II-A)`, values: planValues });

  const hundredPercent = sampleSize >= lotSize;
  if (hundredPercent)
    steps.push({
      rule: 'hundred-percent',
      text: `The sample of ${count(sampleSize)} is not smaller than the lot of ${count(lotSize)}: inspect every unit (100 %), accepting with Ac ${plan.ac}, rejecting with Re ${plan.re}`,
      values: { lotSize, sampleSize },
    });

  return ok({
    lotSize,
    level,
    aql,
    codeLetter,
    planLetter,
    sampleSize,
    acceptNumber: plan.ac,
    rejectNumber: plan.re,
    hundredPercent,
    unitsToInspect: Math.min(sampleSize, lotSize),
    steps,
  });
}

/** A single sampling plan's verdict: accept with at most Ac defects found, reject with Re or more (Re = Ac + 1). */
export function samplingVerdict(plan: SamplingPlan, defectsFound: number): 'accept' | 'reject' {
  return defectsFound <= plan.acceptNumber ? 'accept' : 'reject';
}

export interface SamplingJudgement {
  readonly verdict: 'accept' | 'reject';
  readonly step: SamplingStep;
}

/** The verdict on a count of defects found, with the step that explains it; a count that is no count is refused. */
export function judgeSample(plan: SamplingPlan, defectsFound: number): Result<SamplingJudgement> {
  if (!Number.isInteger(defectsFound) || defectsFound < 0 || defectsFound > defectsFoundMax)
    return refuse(
      'SAMPLING_DEFECTS_OUT_OF_RANGE',
      `Defects found must be a whole number from 0 to ${count(defectsFoundMax)}; got ${String(defectsFound)}.`,
      [{ path: 'defectsFound', message: `A whole number from 0 to ${count(defectsFoundMax)}.` }],
    );
  const verdict = samplingVerdict(plan, defectsFound);
  const found = `${count(defectsFound)} defect${defectsFound === 1 ? '' : 's'} found`;
  const text =
    verdict === 'accept'
      ? `${found}, at most Ac ${plan.acceptNumber} → accept the lot`
      : `${found}, at least Re ${plan.rejectNumber} → reject the lot`;
  return ok({
    verdict,
    step: { rule: 'verdict', text, values: { defectsFound, verdict, acceptNumber: plan.acceptNumber, rejectNumber: plan.rejectNumber } },
  });
}
