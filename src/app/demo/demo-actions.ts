import type { ActionSeverity, EffectivenessResult } from '../../domain/action.js';
import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { confirmAction } from '../actions/confirm-action.js';
import { editAction } from '../actions/edit-action.js';
import { markActionDone } from '../actions/mark-action-done.js';
import { openAction } from '../actions/open-action.js';
import { recordEffectiveness } from '../actions/record-effectiveness.js';
import { reopenAction } from '../actions/reopen-action.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { listMilestones } from '../list-milestones.js';
import type { DemoProgram } from './demo-data.js';
import { importLegacyAction, legacyReason } from './legacy-records.js';

/** Who owns an action: the program's supplier contact, quality owner or cadence owner, or the client's decision owner. */
type By = 'contact' | 'quality' | 'owner' | 'decider';

/** Days are business days relative to the demo's today: negative in the past. */
interface DemoAction {
  readonly title: string;
  readonly description: string;
  readonly by: By;
  readonly severity: ActionSeverity;
  readonly opened: number;
  readonly due: number | null;
  readonly blocks?: 'next' | 'critical';
  /** Re-planned on day `on` to a new due date, with a reason; the first date stays as the promise. */
  readonly replan?: { readonly on: number; readonly due: number; readonly reason: string };
  /** An effectiveness check planned for this day (a corrective action). */
  readonly check?: number;
  readonly done?: { readonly on: number; readonly note: string };
  readonly confirm?: number;
  readonly reopen?: { readonly on: number; readonly reason: string };
  readonly checked?: { readonly on: number; readonly result: EffectivenessResult };
}

const templates = {
  invoice: {
    title: 'Send corrected commercial invoice to broker',
    description: 'Samples are held at customs: the HS code on the invoice does not match the packing list.',
    by: 'contact',
    severity: 'high',
    opened: -8,
    due: -3,
    blocks: 'next',
  },
  dropTest: {
    title: 'Re-run drop test with rib change',
    description: 'Corner impact cracked the housing at 1.2 m; the rib goes from 1.5 to 2.0 mm.',
    by: 'contact',
    severity: 'critical',
    opened: -15,
    due: -2,
    blocks: 'critical',
    replan: { on: -4, due: 4, reason: 'The modified rib insert arrives from the toolmaker on Thursday; the re-run needs T2 shots.' },
  },
  inspectionSlot: {
    title: 'Book second pre-shipment inspection slot',
    description: 'The agency has one inspector in the region that week; book before the slot goes.',
    by: 'owner',
    severity: 'medium',
    opened: -3,
    due: 2,
  },
  schedule: {
    title: 'Chase the factory for the updated production schedule',
    description: 'The schedule still shows the old SOP date; the client plans launch stock from it.',
    by: 'owner',
    severity: 'medium',
    opened: -6,
    due: -1,
  },
  controlPlan: {
    title: 'Update control plan with the new torque check',
    description: 'Add the lid-hinge torque check found in the pilot lot to the control plan.',
    by: 'quality',
    severity: 'medium',
    opened: -10,
    due: -2,
    done: { on: -1, note: 'Control plan rev C uploaded: torque check at 100% for the first three lots.' },
  },
  labelCheck: {
    title: 'Verify the rating label against the CB certificate',
    description: 'The model number and rated power on the label must match the certificate exactly.',
    by: 'quality',
    severity: 'medium',
    opened: -4,
    due: -1,
  },
  cosmeticStandard: {
    title: 'Sign and return the cosmetic standard',
    description: 'The factory needs the signed limit samples before the pilot run starts.',
    by: 'decider',
    severity: 'medium',
    opened: -7,
    due: -1,
  },
  scratches: {
    title: 'Quarantine and re-inspect lot 1 for scratches',
    description: 'Corrective action after the lot failed AQL 2.5 on scratches.',
    by: 'quality',
    severity: 'high',
    opened: -9,
    due: -4,
    check: 6,
    done: { on: -5, note: '100% re-inspection: 38 of 2,000 units reworked; protective film added at packing.' },
    confirm: -4,
  },
  ejectorPins: {
    title: 'Replace worn ejector pins on cavity 2',
    description: 'Flash and ejector marks on the T1 parts; corrective action from the T1 inspection report.',
    by: 'contact',
    severity: 'high',
    opened: -30,
    due: -20,
    check: -3,
    done: { on: -21, note: 'New pins fitted and the mould polished; 50 shots checked, no marks.' },
    confirm: -19,
    checked: { on: -2, result: 'effective' },
  },
  cartonHeight: {
    title: 'Confirm carton drop height with the freight forwarder',
    description: 'The transit test plan assumes 76 cm; the forwarder handles pallets by hand at transshipment.',
    by: 'owner',
    severity: 'low',
    opened: -5,
    due: null,
  },
  secondResin: {
    title: 'Add second resin source to the approved vendor list',
    description: 'The current resin supplier allocates capacity to another customer in Q2.',
    by: 'contact',
    severity: 'medium',
    opened: -4,
    due: 9,
  },
  labelArtwork: {
    title: 'Correct the WEEE symbol size on the rating label',
    description: 'The symbol is 5 mm high; EN 50419 asks for at least 7 mm.',
    by: 'contact',
    severity: 'medium',
    opened: -12,
    due: 1,
    done: { on: -6, note: 'Artwork corrected and sent to the printer.' },
    reopen: { on: -3, reason: 'The printer proof still shows the 5 mm symbol.' },
  },
  pilotMaterials: {
    title: 'Release pilot build materials from bonded stock',
    description: 'Imported PCBAs sit in the bonded warehouse until the duty is paid.',
    by: 'contact',
    severity: 'high',
    opened: -5,
    due: 0,
    blocks: 'next',
  },
  goldenPhotos: {
    title: 'Send golden sample photos to the client',
    description: 'All colourways, under D65 light, beside the limit samples.',
    by: 'contact',
    severity: 'low',
    opened: -4,
    due: 2,
    done: { on: -1, note: 'Photos of all four colourways uploaded to the shared folder.' },
  },
} as const satisfies Record<string, DemoAction>;

type Template = keyof typeof templates;

/** Which actions each demo program carries: overdue, re-planned, blocking, waiting for confirmation, closed. */
const plans: Record<string, readonly Template[]> = {
  'NW-TENT2P': ['invoice', 'dropTest', 'schedule', 'controlPlan', 'cosmeticStandard', 'scratches', 'labelArtwork'],
  'NW-BOTTLE': ['inspectionSlot', 'goldenPhotos', 'secondResin', 'cosmeticStandard', 'labelCheck'],
  'NW-PACK22': ['pilotMaterials', 'schedule', 'controlPlan', 'cartonHeight', 'labelArtwork'],
  'KHG-KW500': ['ejectorPins', 'dropTest', 'invoice', 'inspectionSlot', 'controlPlan', 'cartonHeight', 'cosmeticStandard', 'secondResin'],
  'KHG-HB20': ['pilotMaterials', 'goldenPhotos', 'schedule', 'controlPlan', 'secondResin'],
  'KHG-TS2': ['invoice', 'schedule', 'scratches', 'cosmeticStandard', 'goldenPhotos', 'cartonHeight', 'labelCheck'],
  'BLA-PULSE': ['labelArtwork', 'inspectionSlot', 'controlPlan', 'schedule', 'cosmeticStandard', 'goldenPhotos'],
  'BLA-ARC': ['pilotMaterials', 'schedule', 'goldenPhotos', 'secondResin', 'labelCheck'],
  'HM-WINCH3': ['invoice', 'schedule', 'goldenPhotos', 'labelArtwork', 'cartonHeight'],
};

export interface DemoActionsInput {
  readonly programId: string;
  readonly spec: DemoProgram;
  /** The demo's people by key, with the roles they hold now. */
  readonly people: ReadonlyMap<string, Actor>;
  readonly today: PlainDate;
}

/**
 * Opens the demo program's actions and walks each through its history (re-plans, done, confirmed,
 * reopened, effectiveness checked) on the loader's clock, through the ordinary use cases.
 */
export async function loadDemoActions(
  d: AppDeps,
  clock: { set(day: PlainDate, hourUtc?: number): unknown },
  input: DemoActionsInput,
): Promise<number> {
  const { spec, today, programId } = input;
  const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
  const person = (key: string) => input.people.get(key) as Actor;
  // The client's decision owner where the program has one; otherwise whoever runs the program.
  const decider = input.people.get('jonas');
  const who: Record<By, Actor> = {
    contact: person(spec.contact),
    quality: person(spec.quality),
    owner: person(spec.owner),
    decider: decider && spec.client !== 'halvorsen' ? decider : person(spec.owner),
  };
  const lead = who.owner;
  const quality = who.quality;
  const open = (await listMilestones(d, { programId, actor: lead }).then(unwrap)).filter((m) => m.milestone.actualDate === null);
  const blocking = {
    next: open[0]?.milestone.id,
    critical: (open.find((m) => m.milestone.isCritical) ?? open[0])?.milestone.id,
  };

  const plan = plans[spec.code] ?? [];
  for (const key of plan) {
    const t: DemoAction = templates[key];
    const owner = who[t.by];
    clock.set(day(t.opened), 2);
    if (t.due === null) {
      // Imported from the client's earlier tracking sheet, undated: the "needs an owner or date" view lists it.
      unwrap(await importLegacyAction(d, { programId, actor: lead, reason: legacyReason, title: t.title, ownerId: owner.id }));
      continue;
    }
    let a = unwrap(
      await openAction(d, {
        programId,
        actor: lead,
        title: t.title,
        description: t.description,
        ownerId: owner.id,
        dueDate: day(t.due),
        severity: t.severity,
        blocksMilestoneId: t.blocks ? blocking[t.blocks] : undefined,
        checkDate: t.check === undefined ? undefined : day(t.check),
      }),
    );
    const target = (actor: Actor) => ({ programId, actionId: a.action.id, version: a.action.version, actor });
    if (t.replan) {
      clock.set(day(t.replan.on), 2);
      a = unwrap(await editAction(d, { ...target(owner), patch: { dueDate: day(t.replan.due) }, reason: t.replan.reason }));
    }
    if (t.done) {
      clock.set(day(t.done.on), 9);
      a = unwrap(await markActionDone(d, { ...target(owner), note: t.done.note }));
    }
    if (t.confirm !== undefined) {
      clock.set(day(t.confirm), 14);
      a = unwrap(await confirmAction(d, target(lead)));
    }
    if (t.reopen) {
      clock.set(day(t.reopen.on), 14);
      a = unwrap(await reopenAction(d, { ...target(lead), reason: t.reopen.reason }));
    }
    if (t.checked) {
      clock.set(day(t.checked.on), 8);
      a = unwrap(await recordEffectiveness(d, { ...target(quality), result: t.checked.result }));
    }
  }
  return plan.length;
}
