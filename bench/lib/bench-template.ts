import type { Actor, AppDeps } from '../../src/app/deps.js';
import { copyTemplate } from '../../src/app/templates/copy-template.js';
import { editTemplate } from '../../src/app/templates/edit-template.js';
import type { ChecklistItemTemplate, GateTemplate } from '../../src/domain/gates/template.js';
import type { Result } from '../../src/domain/result.js';

/** The workspace template every synthetic program is made from: the default four gates, 15 items each. */
export const benchTemplateId = 'bench-4x15';
/** Checklist items per gate, and how many of them are required. */
export const benchItemsPerGate = 15;
const requiredPerGate = 12;

/** Items a real checklist might add, to bring each gate to 15. */
const extraTitles = [
  'Supplier quality agreement signed',
  'Control plan reviewed',
  'PFMEA updated',
  'Gauge R&R on critical gauges',
  'Operator training recorded',
  'Spare parts list agreed',
  'Label artwork approved',
  'Carton marking checked',
  'Material certificates on file',
  'Process flow diagram frozen',
  'Rework instruction written',
  'Sub-supplier list confirmed',
  'Measurement plan agreed',
  'Safety stock agreed',
  'Lessons learned logged',
];

/** A gate's checklist brought to exactly 15 items, 12 of them required, keys kept unique. */
function toFifteen(g: GateTemplate): GateTemplate {
  const items: ChecklistItemTemplate[] = g.checklist.slice(0, benchItemsPerGate).map((i) => ({ ...i }));
  for (let k = 0; items.length < benchItemsPerGate; k++) {
    const title = extraTitles[k % extraTitles.length] as string;
    items.push({
      key: `${g.key}-BENCH-${k + 1}`,
      title,
      description: `${title}, as the client's checklist asks.`,
      isRequired: true,
      ownerRole: k % 3 === 0 ? 'quality_owner' : k % 3 === 1 ? 'supplier' : 'cadence_owner',
      dueOffsetDays: -(5 + (k % 10)),
    });
  }
  return { ...g, checklist: items.map((i, n) => ({ ...i, isRequired: n < requiredPerGate })) };
}

/**
 * The admin copies the default four-gate template and gives each gate 15 items (12 required), through
 * the same use cases as anyone: the portfolio then holds 4 gates × 15 items a program.
 */
export async function createBenchTemplate(deps: AppDeps, admin: Actor): Promise<Result<unknown>> {
  const copied = await copyTemplate(deps, {
    actor: admin,
    templateId: 'default-4-gate',
    id: benchTemplateId,
    name: 'Bench: four gates, 15 items each',
  });
  if (!copied.ok) return copied;
  const t = copied.value.template;
  return editTemplate(deps, {
    actor: admin,
    templateId: benchTemplateId,
    version: copied.value.workspace?.version ?? 1,
    reason: 'Benchmark: every gate with 15 checklist items',
    gates: t.gates.map(toFifteen),
  });
}
