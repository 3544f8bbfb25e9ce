import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import { decideDecision } from '../decisions/decide-decision.js';
import { requestDecision } from '../decisions/request-decision.js';
import { supersedeDecision } from '../decisions/supersede-decision.js';
import type { Actor, AppDeps } from '../deps.js';
import type { LinkRef } from '../links.js';
import { listMilestones } from '../list-milestones.js';
import { type DemoProgram, roleClients } from './demo-data.js';
import { importLegacyDecision, legacyReason } from './legacy-records.js';

/** Who asks for a decision: the cadence owner, the quality owner or the supplier contact. */
type AskedBy = 'owner' | 'quality' | 'contact';

interface Verdict {
  readonly outcome: string;
  readonly rationale: string;
  readonly expectedImpact: string;
}

/** Days are business days relative to the demo's today: negative in the past. */
interface DemoDecision {
  readonly statement: string;
  readonly context: string;
  readonly options: readonly string[];
  readonly by: AskedBy;
  readonly asked: number;
  readonly due: number | null;
  /** The milestone it is about: the next open one, or the next open critical one. */
  readonly about?: 'next' | 'critical';
  readonly decided?: Verdict & { readonly on: number };
  /** Changing course later: a new decision, decided at once, supersedes this one. */
  readonly superseded?: Verdict & { readonly on: number; readonly reason: string; readonly statement: string };
}

const templates = {
  cavityRework: {
    statement: 'Approve tooling rework on cavity 2 (+6 k USD)',
    context: 'T1 parts from cavity 2 show sink marks on the lid hinge; cavity 1 parts are within the cosmetic standard.',
    options: [
      'Rework cavity 2 at the toolmaker (+6 k USD, two weeks)',
      'Run on cavity 1 only and accept half output',
      'Accept the sink marks',
    ],
    by: 'owner',
    asked: -22,
    due: -17,
    about: 'critical',
    decided: {
      on: -18,
      outcome: 'Rework cavity 2 at the toolmaker.',
      rationale: 'Sink marks are visible on the hinge, a class A surface; the client will not accept them.',
      expectedImpact: '+6 k USD tooling; T2 samples about one week later.',
    },
    superseded: {
      on: -6,
      reason: 'The toolmaker now quotes five weeks instead of two for the cavity 2 rework; the launch cannot absorb that.',
      statement: 'Run on cavity 1 only until the cavity 2 rework is done',
      outcome: 'Run production on cavity 1 only; rework cavity 2 in parallel and switch back after T3.',
      rationale: 'Keeps the launch date; half output covers the first two lots with a second shift.',
      expectedImpact: 'Half mould output until the rework lands (+1.1 k USD second shift); no launch slip.',
    },
  },
  lidDeviation: {
    statement: 'Accept T1 cosmetic deviation on inner lid',
    context: 'Flow lines on the inner lid, not visible when closed. Cosmetic standard rev B calls them class B.',
    options: ['Accept for T1 and pilot, fix by T2', 'Reject and wait for T2 samples'],
    by: 'quality',
    asked: -6,
    due: -2,
    about: 'next',
  },
  resin: {
    statement: 'Switch resin to second source',
    context: 'The main resin supplier allocated capacity to another customer; the second source passed UL 94 V-0 last month.',
    options: ['Qualify the second source now (two weeks of testing)', 'Wait for allocation from the main supplier'],
    by: 'owner',
    asked: -3,
    due: 4,
    about: 'critical',
  },
  safetyLab: {
    statement: 'Release budget for an express safety-lab slot (+2.4 k USD)',
    context: 'The regular queue at the lab is four weeks; the express slot is available next week.',
    options: ['Pay for the express slot', 'Keep the regular slot'],
    by: 'quality',
    asked: -1,
    due: null,
  },
  goldenSample: {
    statement: 'Accept golden sample with a minor scratch on the base',
    context: 'Scratch of 3 mm on the underside, from handling at the lab; not a process defect.',
    options: ['Accept and sign the cosmetic standard', 'Ask for a new golden sample'],
    by: 'quality',
    asked: -14,
    due: -10,
    about: 'next',
    decided: {
      on: -11,
      outcome: 'Accept the golden sample as it is.',
      rationale: 'The scratch comes from handling, not from the process; the base is not a visible surface.',
      expectedImpact: 'None on dates; the golden sample is signed this week.',
    },
  },
  airFreight: {
    statement: 'Approve air freight for the pilot lot (+3.2 k USD)',
    context: 'Sea freight lands after the retailer photo shoot.',
    options: ['Air freight 200 units', 'Sea freight and move the photo shoot'],
    by: 'owner',
    asked: -9,
    due: -5,
    decided: {
      on: -6,
      outcome: 'Air freight 200 pilot units; the rest by sea.',
      rationale: 'The photo shoot date is fixed with the retailer.',
      expectedImpact: '+3.2 k USD freight; photo shoot kept.',
    },
  },
  artwork: {
    statement: 'Approve packaging artwork change requested by marketing',
    context: 'Marketing wants the new logo on the retail box; the printer needs approved files five days before printing.',
    options: ['Approve the change now', 'Keep the current artwork for the first lot'],
    by: 'owner',
    asked: -2,
    due: 3,
    about: 'next',
  },
  pilotExtension: {
    statement: 'Extend the pilot run by two days to reach the AQL sample size',
    context: 'Line stops cut the pilot lot to 180 units; AQL 2.5 level II needs a lot of at least 281.',
    options: ['Extend by two days', 'Inspect a reduced lot and accept the risk'],
    by: 'contact',
    asked: -1,
    due: 6,
    about: 'next',
  },
  dropTestWaiver: {
    statement: 'Waive the repeat drop test after the rib change',
    context: 'The rib change only adds material; the simulation shows a 20% margin at the corner.',
    options: ['Waive the repeat test', 'Repeat the full drop test (one week)'],
    by: 'quality',
    asked: -8,
    due: -4,
    decided: {
      on: -5,
      outcome: 'Repeat the drop test on 5 units only (corners), not the full sequence.',
      rationale: 'The change is local; a corner test confirms it without a week of testing.',
      expectedImpact: 'Two days instead of a week; no change to the pilot date.',
    },
  },
  zipper: {
    statement: 'Approve the local zipper substitute for the main compartment',
    context: 'The branded zipper has a ten-week lead time; the local #8 coil zipper passed 5,000 open-close cycles.',
    options: ['Use the local zipper for the first two lots', 'Wait for the branded zipper and move the launch'],
    by: 'contact',
    asked: -4,
    due: 5,
    about: 'next',
  },
  colourMatch: {
    statement: 'Accept colour ΔE 1.8 on the charging case',
    context: 'Against the colour master the case measures ΔE 1.8; the specification allows 1.5. Visible only side by side.',
    options: ['Accept for the launch lots, correct the masterbatch for lot 3', 'Reject and re-mix the masterbatch (one week)'],
    by: 'quality',
    asked: -3,
    due: 2,
    about: 'next',
  },
  heatingElement: {
    statement: 'Approve the alternative heating element supplier',
    context: 'The approved element maker stops the 1,800 W variant; the alternative carries the same certification.',
    options: ['Approve the alternative supplier', 'Redesign for the 2,000 W variant'],
    by: 'owner',
    asked: -12,
    due: -8,
    decided: {
      on: -9,
      outcome: 'Approve the alternative supplier, with a 50-unit life test before the pilot.',
      rationale: 'Same certification and footprint; a redesign would cost six weeks.',
      expectedImpact: '-0.15 USD per unit; life test adds three days before the pilot.',
    },
  },
  sealMaterial: {
    statement: 'Approve the hydraulic seal change to NBR 90 shore',
    context: 'The 70 shore seals extruded at the 210 bar proof test.',
    options: ['NBR 90 shore from the same supplier', 'PU seals (longer lead time)'],
    by: 'owner',
    asked: -10,
    due: -6,
    decided: {
      on: -7,
      outcome: 'Change to NBR 90 shore seals.',
      rationale: 'Passed the proof test at 250 bar; same supplier and lead time.',
      expectedImpact: '+0.40 USD per winch; no date change.',
    },
  },
  paintThickness: {
    statement: 'Accept paint thickness deviation on the drum housing',
    context: 'Dry film 110 µm against 120 µm specified on 3 of 20 parts; salt spray test booked.',
    options: ['Accept pending the salt spray result', 'Repaint the pilot lot'],
    by: 'quality',
    asked: -2,
    due: 5,
    about: 'next',
  },
} satisfies Record<string, DemoDecision>;

type Template = keyof typeof templates;

/** Which decisions each demo program carries (2-5 each); KHG-KW500 holds the superseded chain and the overdue one. */
const plan: Readonly<Record<string, readonly Template[]>> = {
  'KHG-KW500': ['cavityRework', 'lidDeviation', 'resin', 'safetyLab'],
  'NW-TENT2P': ['airFreight', 'artwork'],
  'NW-BOTTLE': ['goldenSample', 'pilotExtension'],
  'NW-PACK22': ['dropTestWaiver', 'zipper', 'pilotExtension'],
  'KHG-HB20': ['goldenSample', 'resin'],
  'KHG-TS2': ['heatingElement', 'artwork'],
  'BLA-PULSE': ['airFreight', 'dropTestWaiver', 'pilotExtension'],
  'BLA-ARC': ['goldenSample', 'colourMatch'],
  'HM-WINCH3': ['sealMaterial', 'paintThickness'],
};

/**
 * A demo program's decision log, written through the use cases on the loader's clock: decided ones with
 * rationale and impact, open ones with due dates linked to milestones, and one superseded chain. The
 * client's decision owner (owner@demo.test) decides; on a program where they hold no role, its cadence owner.
 */
export async function loadDemoDecisions(
  d: AppDeps,
  clock: { set(day: PlainDate, hourUtc?: number): unknown },
  input: { readonly programId: string; readonly spec: DemoProgram; readonly people: ReadonlyMap<string, Actor>; readonly today: PlainDate },
): Promise<number> {
  const { spec, today, programId, people } = input;
  const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
  const person = (key: string) => people.get(key) as Actor;
  const owner = person(spec.owner);
  const decider = (roleClients as readonly string[]).includes(spec.client) ? person('jonas') : owner;
  const asker: Record<AskedBy, Actor> = { owner, quality: person(spec.quality), contact: person(spec.contact) };

  const milestones = unwrap(await listMilestones(d, { programId, actor: owner })).map((v) => v.milestone);
  const open = milestones.filter((m) => m.actualDate === null);
  const about = (which: 'next' | 'critical' | undefined): LinkRef[] => {
    const m = which === 'critical' ? (open.find((x) => x.isCritical) ?? open[0]) : which === 'next' ? open[0] : undefined;
    return m ? [{ entity: 'milestone', id: m.id }] : [];
  };

  const chosen: DemoDecision[] = (plan[spec.code] ?? []).map((k) => templates[k]);
  for (const t of [...chosen].sort((a, b) => a.asked - b.asked)) {
    clock.set(day(t.asked), 2);
    if (t.due === null) {
      // Imported from the client's earlier tracking sheet, undated: the "needs an owner or date" view lists it.
      unwrap(
        await importLegacyDecision(d, { programId, actor: asker[t.by], reason: legacyReason, statement: t.statement, ownerId: decider.id }),
      );
      continue;
    }
    const asked = unwrap(
      await requestDecision(d, {
        programId,
        actor: asker[t.by],
        statement: t.statement,
        context: t.context,
        options: t.options.join('\n'),
        ownerId: decider.id,
        dueDate: day(t.due),
        links: about(t.about),
      }),
    ).decision;
    if (!t.decided) continue;
    clock.set(day(t.decided.on), 9);
    const { on: _on, ...verdict } = t.decided;
    const decided = unwrap(
      await decideDecision(d, { programId, decisionId: asked.id, version: asked.version, actor: decider, ...verdict }),
    );
    if (!t.superseded) continue;
    clock.set(day(t.superseded.on), 10);
    const { on: _later, ...change } = t.superseded;
    unwrap(await supersedeDecision(d, { programId, decisionId: asked.id, version: decided.decision.version, actor: decider, ...change }));
  }
  return chosen.length;
}
