import type { Command } from 'commander';
import { InspectionLevelSchema, type SamplingPlanJson, SamplingPlanQuerySchema } from '../contract/sampling.js';
import { aqlLabel } from '../domain/sampling/iso2859.js';
import { aqlLabels } from '../domain/sampling/iso2859-tables.js';
import { addActingOptions, withBackend } from './connect.js';
import { parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import type { CliContext } from './session.js';

const query = SamplingPlanQuerySchema.shape;
/** The API's fields as the options a user typed. */
const flags = { lotSize: '--lot', level: '--level', aql: '--aql', defectsFound: '--defects' } as const;

const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function planText(p: SamplingPlanJson): string {
  const head = ['Lot size', 'Level', 'AQL', 'Code letter', 'Plan letter', 'Sample size', 'Ac', 'Re'];
  const row: (string | number)[] = [
    count(p.lotSize),
    p.level,
    aqlLabel(p.aql),
    p.codeLetter,
    p.planLetter,
    count(p.sampleSize),
    p.acceptNumber,
    p.rejectNumber,
  ];
  if (p.verdict !== undefined && p.defectsFound !== undefined) {
    head.push('Defects', 'Verdict');
    row.push(count(p.defectsFound), p.verdict);
  }
  const lines = ['ISO 2859-1 single sampling plan, normal inspection', table(head, [row])];
  if (p.hundredPercent) lines.push(`100 % inspection: inspect every unit of the lot (${count(p.unitsToInspect)}).`);
  lines.push('', 'How it was found:', ...p.steps.map((s, i) => `  ${i + 1}. ${s.text}`));
  return lines.join('\n');
}

export function registerSamplingCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('sampling-plan')
      .description('The ISO 2859-1 (= ANSI/ASQ Z1.4) single sampling plan for normal inspection: code letter, sample size, Ac and Re')
      .requiredOption('--lot <units>', 'units in the lot, 2-10000000')
      .option('--level <level>', 'inspection level I, II, III or S-1 … S-4', 'II')
      .requiredOption('--aql <aql>', `the AQL, one of ${aqlLabels.join(', ')}`)
      .option('--defects <n>', 'defects found in the sample: adds the verdict (accept or reject)')
      .option('--json', "print the API's JSON (SamplingPlan)")
      .addHelpText(
        'after',
        '\nExamples:\n  tollgate sampling-plan --lot 2000 --level II --aql 2.5\n  tollgate sampling-plan --lot 500 --aql 1.0 --defects 2 --json',
      ),
  ).action(async (o: { lot: string; level: string; aql: string; defects?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const lotSize = parseIntOption(out, '--lot', query.lotSize, o.lot);
    const level = parseOption(out, '--level', InspectionLevelSchema, o.level.toUpperCase());
    const aql = parseOption(out, '--aql', query.aql, o.aql, 'Must be a number: one of the AQLs of the table.');
    const defectsFound = o.defects === undefined ? undefined : parseIntOption(out, '--defects', query.defectsFound, o.defects);
    await withBackend(ctx, cmd, out, async (b) => {
      const r = await b.samplingPlan({ query: { lotSize, level, aql, defectsFound } });
      if (!r.ok) return fail(out, withFlags(r.error, flags));
      emit(out, r.value, () => planText(r.value));
    });
  });
}
