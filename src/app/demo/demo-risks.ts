import { addDays, type PlainDate } from '../../domain/plain-date.js';
import type { RiskCategory, RiskStrategy } from '../../domain/risk.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { closeRisk } from '../risks/close-risk.js';
import { raiseRisk } from '../risks/raise-risk.js';
import { realizeRisk } from '../risks/realize-risk.js';
import { updateRisk } from '../risks/update-risk.js';
import { type DemoProgram, demoPrograms } from './demo-data.js';

/*
 * The demo's risk registers, written through the risk use cases on the loader's clock so that score
 * histories and "risk changes this week" are real: every program gets 4-6 risks over the five
 * categories, owned by its people; some are high, some re-scored with reasons over the past weeks,
 * one is closed, one realized (opening its response action), one is due for review, and on some
 * programs one was raised today without a review date, so the gap is flagged.
 */

type By = 'contact' | 'quality' | 'owner';

interface DemoRisk {
  readonly title: string;
  readonly description: string;
  readonly category: RiskCategory;
  readonly by: By;
  readonly earlyWarning: string;
  readonly strategy: RiskStrategy;
  readonly mitigation: string;
  readonly residual: readonly [number, number];
  /** Why it was re-scored up, then down again. */
  readonly worse: string;
  readonly better: string;
  readonly closed: string;
  readonly realized: { readonly reason: string; readonly action: string };
  /** Only on these clients' programs (an appliance tariff, electrical approvals); otherwise on any. */
  readonly clients?: readonly DemoProgram['client'][];
}

const risks: readonly DemoRisk[] = [
  {
    title: 'Resin shortage from single source',
    description: 'Only one approved PP resin grade for the housing; the distributor has cut allocations twice this quarter.',
    category: 'supply',
    by: 'contact',
    earlyWarning: 'The distributor quotes a lead time above 6 weeks or cuts the monthly allocation.',
    strategy: 'mitigate',
    mitigation: 'Qualify a second resin grade on the T2 tool; hold 4 weeks of safety stock at the moulder.',
    residual: [2, 3],
    worse: 'Distributor cut the March allocation by 30%; lead time now 8 weeks.',
    better: 'Second grade passed the T2 moulding trial; 4 weeks of safety stock on hand.',
    closed: 'Second resin source approved and running; single-source exposure gone.',
    realized: {
      reason: 'Allocation cut to zero for April; the moulder has 9 days of resin.',
      action: 'Air-freight 2 t of resin from the second source',
    },
  },
  {
    title: 'Customs hold on T1 samples',
    description: 'Samples travel by courier with a pro-forma invoice; a wrong HS code or missing value stops them at customs.',
    category: 'schedule',
    by: 'owner',
    earlyWarning: "Courier tracking shows 'held by customs' for more than 24 hours.",
    strategy: 'mitigate',
    mitigation: 'The broker checks invoice and HS code before every shipment; a duplicate set goes by a second courier.',
    residual: [2, 2],
    worse: 'Last shipment was held 3 days for a missing value declaration.',
    better: 'Broker now pre-checks every invoice; the last two shipments cleared the same day.',
    closed: 'All sample rounds delivered; no further courier shipments planned.',
    realized: {
      reason: 'T1 samples held in Frankfurt: HS code on the invoice does not match the packing list.',
      action: 'Send corrected commercial invoice to the broker',
    },
  },
  {
    title: 'Colour mismatch on Pantone 2935',
    description: 'The blue housing uses masterbatch from a new supplier; the first shots drifted towards Pantone 2945.',
    category: 'quality',
    by: 'quality',
    earlyWarning: 'Delta E above 1.5 against the master plaque on the first-shot report.',
    strategy: 'mitigate',
    mitigation: 'Approve colour on a signed master plaque; measure Delta E at every lot start.',
    residual: [2, 2],
    worse: 'Second masterbatch lot measured Delta E 2.1 against the plaque.',
    better: 'Masterbatch supplier adjusted the recipe; last three lots within Delta E 0.8.',
    closed: 'Colour signed off on the golden sample; masterbatch recipe frozen.',
    realized: {
      reason: 'T1 housings came out two shades too dark; the client rejected the colour.',
      action: 'Re-match masterbatch and re-shoot colour plaques',
    },
  },
  {
    title: 'Tariff change on HS 8516',
    description: 'A proposed tariff increase on electro-thermic appliances would raise the landed cost by up to 25%.',
    category: 'commercial',
    by: 'owner',
    earlyWarning: 'Publication of the final tariff list.',
    strategy: 'transfer',
    mitigation: 'Ship the first production lots before the effective date; agree a tariff-sharing clause with the client.',
    residual: [2, 3],
    worse: 'The draft tariff list now names HS 8516.60 explicitly.',
    better: 'Tariff-sharing clause signed with the client; first lots booked before the deadline.',
    closed: 'Final tariff list published without HS 8516.',
    realized: {
      reason: 'The 25% tariff takes effect next month and covers our HS code.',
      action: 'Re-quote landed cost and agree the price split with the client',
    },
    clients: ['keller'],
  },
  {
    title: 'Missing CE/UKCA test report',
    description: 'The LVD/EMC report from the lab is not issued yet; without it the declaration of conformity cannot be signed.',
    category: 'compliance',
    by: 'quality',
    earlyWarning: 'The lab has not confirmed a test slot two weeks before G2.',
    strategy: 'mitigate',
    mitigation: 'Book a backup slot at a second accredited lab; pre-test EMC at the factory.',
    residual: [1, 5],
    worse: 'The lab moved our slot by three weeks; the report will miss G2.',
    better: 'Backup slot booked at the second lab; EMC pre-scan passed at the factory.',
    closed: 'Test report issued; declaration of conformity signed.',
    realized: { reason: 'Radiated emissions failed at 230 MHz in the lab test.', action: 'Add ferrite and re-test EMC at the backup lab' },
    clients: ['keller', 'brightline'],
  },
  {
    title: 'Lunar New Year labour shortage',
    description: 'Up to 30% of line operators may not return after the holiday, right when the ramp-up starts.',
    category: 'schedule',
    by: 'contact',
    earlyWarning: 'Return rate below 85% on the first working day after the holiday.',
    strategy: 'mitigate',
    mitigation: 'Build two weeks of stock before the break; line up temporary operators through the agency.',
    residual: [2, 3],
    worse: 'Factory expects only 70% of operators back in the first week.',
    better: 'Agency confirmed 25 temporary operators; buffer stock built.',
    closed: 'Line back at full staffing; output on plan.',
    realized: {
      reason: 'Only 65% of operators returned; the line runs one shift instead of two.',
      action: 'Approve overtime and second-shift temporary staff',
    },
  },
  {
    title: 'Mould cavity wear before SOP',
    description: 'The P20 steel tool was quoted for 300k shots; the forecast volume reaches that before the second year.',
    category: 'quality',
    by: 'contact',
    earlyWarning: 'Flash on the parting line or dimension drift on the cavity-2 parts in the inline inspection.',
    strategy: 'avoid',
    mitigation: 'Order a hardened H13 insert for cavity 2; inspect parting-line flash every 10k shots.',
    residual: [1, 4],
    worse: 'Flash measured on cavity 2 after only 40k shots.',
    better: 'Hardened insert fitted; flash back within the limit.',
    closed: 'Tool refurbished with hardened inserts; life now rated 1M shots.',
    realized: {
      reason: 'Cavity 2 produces flash above 0.3 mm; parts are sorted 100%.',
      action: 'Repair cavity 2 and run it on a single-cavity plan meanwhile',
    },
  },
  {
    title: 'Freight rate spike on Asia–Europe lanes',
    description: 'Red Sea diversions keep spot rates volatile; the budget assumed the contract rate.',
    category: 'commercial',
    by: 'owner',
    earlyWarning: 'Spot rate above 1.5× the contract rate for two weeks running.',
    strategy: 'accept',
    mitigation: 'Book on the contract allocation early; budget a 10% freight contingency.',
    residual: [2, 2],
    worse: 'Carriers announced a peak-season surcharge from next month.',
    better: 'Contract allocation confirmed for the first three containers.',
    closed: 'All launch containers shipped on contract rates.',
    realized: {
      reason: 'Contract allocation rolled; the first container goes at spot rate.',
      action: 'Approve spot-rate booking and re-forecast freight cost',
    },
  },
  {
    title: 'Packaging drop test failure',
    description: 'The new thinner carton saves 12% of board but has not passed the ISTA 3A drop sequence yet.',
    category: 'quality',
    by: 'quality',
    earlyWarning: 'Corner crush or product movement seen in the pre-test at the factory.',
    strategy: 'mitigate',
    mitigation: 'Add corner posts; pre-test ISTA 3A at the factory before the lab test.',
    residual: [1, 3],
    worse: 'Factory pre-test showed corner crush on drop 7.',
    better: 'Corner posts added; factory pre-test passed all drops.',
    closed: 'ISTA 3A passed at the lab; carton frozen.',
    realized: { reason: 'Lab ISTA 3A failed: two units broke at drop 9.', action: 'Redesign the insert and repeat ISTA 3A' },
  },
];

export interface DemoRisksInput {
  readonly programId: string;
  readonly spec: DemoProgram;
  readonly people: ReadonlyMap<string, Actor>;
  /** The program's today (its time zone). */
  readonly today: PlainDate;
  /** The loader's "now": today's writes happen a few hours before it. */
  readonly now: Date;
}

/** The loader's settable clock: a day and an hour (UTC). */
interface DemoClock {
  set(d: PlainDate, hourUtc?: number): unknown;
}

const HOUR = 3_600_000;

/** Raises a program's demo risks and gives them their history; returns how many were raised. */
export async function loadDemoRisks(d: AppDeps, clock: DemoClock, input: DemoRisksInput): Promise<number> {
  const { spec, today, now } = input;
  const person = (key: string) => input.people.get(key) as Actor;
  const lead = person(spec.owner);
  const ownerOf = (r: DemoRisk) => person(spec[r.by]);
  const daysAgo = (n: number, hourUtc = 3) => clock.set(addDays(today, -n), hourUtc);
  /** A few hours before now: today, wherever the loader runs. */
  const hoursAgo = (h: number) => {
    const t = new Date(now.getTime() - h * HOUR);
    clock.set(t.toISOString().slice(0, 10) as PlainDate, t.getUTCHours());
  };

  // 4, 5 or 6 risks per program, a different run of the list each time so the categories vary.
  const index = Math.max(0, demoPrograms.indexOf(spec));
  const fitting = risks.filter((r) => !r.clients || r.clients.includes(spec.client));
  const count = 4 + (index % 3);
  const picked = Array.from({ length: count }, (_, i) => fitting[(index * 2 + i) % fitting.length] as DemoRisk);
  const [watched, rising, passed, happened, mitigating, fresh] = picked as [
    DemoRisk,
    DemoRisk,
    DemoRisk,
    DemoRisk,
    DemoRisk | undefined,
    DemoRisk | undefined,
  ];

  const raise = (r: DemoRisk, l: number, i: number, reviewDate: PlainDate | null) =>
    raiseRisk(d, {
      programId: input.programId,
      actor: lead,
      title: r.title,
      description: r.description,
      ownerId: ownerOf(r).id,
      category: r.category,
      likelihood: l,
      impact: i,
      earlyWarning: r.earlyWarning,
      strategy: r.strategy,
      mitigation: r.mitigation,
      residualLikelihood: r.residual[0],
      residualImpact: r.residual[1],
      reviewDate,
    }).then(unwrap);
  const target = (v: { risk: { id: string; version: number } }, actor: Actor) => ({
    programId: input.programId,
    riskId: v.risk.id,
    version: v.risk.version,
    actor,
  });

  // Five weeks ago the register was set up in the risk workshop.
  daysAgo(35, 2);
  let a = await raise(watched, 4, 4, addDays(today, -2));
  daysAgo(35, 3);
  const b = await raise(rising, 3, 5, addDays(today, 7));
  daysAgo(35, 4);
  let c = await raise(passed, 3, 3, addDays(today, 14));
  daysAgo(35, 5);
  const e = await raise(happened, 3, 4, addDays(today, 10));
  daysAgo(35, 6);
  const m = mitigating ? await raise(mitigating, 2, 4, addDays(today, 21)) : null;

  // Re-scored over the weeks by the people who own them, each time with a reason.
  daysAgo(21);
  a = unwrap(await updateRisk(d, { ...target(a, ownerOf(watched)), reason: watched.worse, patch: { likelihood: 5 } }));
  daysAgo(14);
  c = unwrap(await updateRisk(d, { ...target(c, ownerOf(passed)), reason: passed.better, patch: { likelihood: 2 } }));
  if (m && mitigating) {
    unwrap(
      await updateRisk(d, { ...target(m, lead), reason: `Response under way: ${mitigating.mitigation}`, patch: { status: 'mitigating' } }),
    );
  }
  daysAgo(10);
  unwrap(await closeRisk(d, { ...target(c, lead), reason: passed.closed }));
  daysAgo(7);
  a = unwrap(await updateRisk(d, { ...target(a, ownerOf(watched)), reason: watched.better, patch: { likelihood: 4 } }));
  daysAgo(4);
  unwrap(
    await realizeRisk(d, {
      ...target(e, lead),
      reason: happened.realized.reason,
      action: { title: happened.realized.action, dueDate: addDays(today, 5) },
    }),
  );

  // Today: a new risk from this morning's call (no review date yet: flagged), and one getting worse.
  if (fresh) {
    hoursAgo(3);
    await raise(fresh, 3, 3, null);
  }
  hoursAgo(2);
  unwrap(await updateRisk(d, { ...target(b, ownerOf(rising)), reason: rising.worse, patch: { likelihood: 4 } }));
  return count;
}
