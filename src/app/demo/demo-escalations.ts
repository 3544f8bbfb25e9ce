import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { TriggerKind, TriggerSetting } from '../../domain/escalations/triggers.js';
import type { NotificationMode } from '../../domain/notification-settings.js';
import type { NoticeKind } from '../../domain/notifications.js';
import { dateInZone, type PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { listEscalations } from '../escalations/list-escalations.js';
import { sweepEscalations } from '../escalations/sweep-escalations.js';
import { listTriggers, setTrigger } from '../escalations/triggers.js';
import { acknowledgeEscalation, resolveEscalation } from '../escalations/work-escalation.js';
import { getFloorEvent } from '../floor/get-floor-event.js';
import { updateNotificationSettings } from '../mail/notification-settings.js';
import type { DemoPersonKey } from './demo-data.js';

interface DemoClock {
  now(): Date;
  set(d: PlainDate, hourUtc?: number): Date;
}

export interface DemoEscalationsInput {
  readonly people: ReadonlyMap<string, Actor>;
  /** The demo's "now": the last sweep runs at it. */
  readonly now: Date;
}

const bd = (d: PlainDate, n: number) => addBusinessDays(mondayToFriday, d, n);

/**
 * How the cadence owners tuned their programs' triggers before the sweeps below: with every kind at its
 * default, the first sweep raised 44 escalations over nine programs (each high risk, each action a day
 * late), which nobody answers. Risks escalate at 25 (20 on the tent, whose season is at stake), actions
 * three business days late; Saigon Pack's overdue actions go to its cadence owner within a day and the
 * tent's tolerance misses stay with its cadence owner, neither climbing (they chase the factory themselves).
 */
const tuning: readonly {
  readonly program: string;
  readonly by: DemoPersonKey;
  readonly kind: TriggerKind;
  readonly change: Partial<TriggerSetting>;
  readonly reason: string;
}[] = [
  ...['NW-BOTTLE', 'KHG-KW500', 'KHG-HB20', 'KHG-TS2'].flatMap((program) => [
    {
      program,
      by: 'dana' as const,
      kind: 'risk_score' as const,
      change: { threshold: 25 },
      reason: 'Only the risks at the top of the matrix need an answer within two days; the others are reviewed weekly.',
    },
    {
      program,
      by: 'dana' as const,
      kind: 'overdue_action' as const,
      change: { threshold: 3 },
      reason: 'Three business days of grace: the weekly review chases the rest.',
    },
  ]),
  {
    program: 'NW-TENT2P',
    by: 'dana',
    kind: 'risk_score',
    change: { threshold: 20 },
    reason: 'The tent’s season is at stake: risks of 20 and more need an answer within two days.',
  },
  { program: 'NW-TENT2P', by: 'dana', kind: 'overdue_action', change: { threshold: 3 }, reason: 'Three business days of grace.' },
  {
    program: 'NW-TENT2P',
    by: 'dana',
    kind: 'tolerance_miss',
    change: { climbs: false },
    reason: 'Pole tolerances are mine to settle with Evergreen and the tubing mill; they do not go up the path.',
  },
  ...['NW-PACK22', 'BLA-PULSE', 'BLA-ARC'].map((program) => ({
    program,
    by: 'marcus' as const,
    kind: 'risk_score' as const,
    change: { threshold: 25 },
    reason: 'Only the risks at the top of the matrix need an answer within two days.',
  })),
  ...['BLA-PULSE', 'BLA-ARC'].map((program) => ({
    program,
    by: 'marcus' as const,
    kind: 'overdue_action' as const,
    change: { threshold: 3 },
    reason: 'Three business days of grace.',
  })),
  {
    program: 'NW-PACK22',
    by: 'marcus',
    kind: 'overdue_action',
    change: { threshold: 1, window: { amount: 1, unit: 'business_days' }, climbs: false },
    reason: 'Saigon Pack’s late actions are mine to chase the next day; they do not go up the path.',
  },
  {
    program: 'HM-WINCH3',
    by: 'other',
    kind: 'risk_score',
    change: { threshold: 25 },
    reason: 'Risks are reviewed at the Monday call; only the worst escalate.',
  },
];

/** Who reads which e-mails how (the rest immediately, the default). */
const mailModes: readonly { readonly who: DemoPersonKey; readonly modes: Partial<Record<NoticeKind, NotificationMode>> }[] = [
  // The decision owner wants escalations the moment they reach him, gate news once a day.
  { who: 'jonas', modes: { gate_status_changed: 'digest', evidence_awaits_review: 'digest', gate_at_risk: 'digest' } },
  // The observer follows in Tollgate only.
  { who: 'alex', modes: { gate_status_changed: 'off', gate_at_risk: 'off', escalation_raised: 'off', escalation_climbed: 'off' } },
  // The supplier contact: what is theirs to do at once, the rest in the morning digest.
  { who: 'chen', modes: { gate_status_changed: 'digest', gate_at_risk: 'digest' } },
];

const who = (people: ReadonlyMap<string, Actor>, key: DemoPersonKey): Actor => {
  const a = people.get(key);
  if (!a) throw new Error(`demo person ${key} missing`);
  return a;
};

async function escalationOf(d: AppDeps, actor: Actor, program: string, kind: TriggerKind, subjectRef: string) {
  const page = unwrap(await listEscalations(d, { actor, programId: program, status: 'all', limit: 100 }));
  const found = page.items.find((v) => v.escalation.triggerKind === kind && v.escalation.subjectRef === subjectRef);
  if (!found) throw new Error(`demo: ${program} has no ${kind} escalation of ${subjectRef}`);
  return found.escalation;
}

/**
 * The demo's escalations, through the ordinary use cases: the floor events raised theirs when they were
 * recorded (NW-TENT2P's failed pilot lot and pole length, NW-PACK22's late samples); here the cadence
 * owners tune their triggers, the failed lot's escalation is acknowledged and resolved with the action
 * that settled it, the background sweep runs two business days ago and at "now" (raising the time-based
 * escalations, expiring and climbing what nobody answered: the Kettle's slips reach its quality owner,
 * the tent's pole length stays overdue with its cadence owner), and a few people choose how they get e-mail.
 */
export async function loadDemoEscalations(d: AppDeps, clock: DemoClock, input: DemoEscalationsInput): Promise<void> {
  const { people, now } = input;
  const today = dateInZone(now, 'UTC');
  const at = (date: PlainDate, hourUtc: number) => {
    clock.set(date, hourUtc);
    return { ...d, clock };
  };

  const tuned = at(bd(today, -5), 15);
  for (const t of tuning) {
    const actor = who(people, t.by);
    const current = unwrap(await listTriggers(tuned, { programId: t.program, actor })).triggers.find((v) => v.setting.kind === t.kind);
    if (!current) throw new Error(`demo: ${t.program} has no ${t.kind} trigger`);
    unwrap(
      await setTrigger(tuned, {
        programId: t.program,
        actor,
        setting: { ...current.setting, ...t.change },
        version: current.version,
        reason: t.reason,
      }),
    );
  }

  // The failed pilot lot (E-1): acknowledged the day it was raised, resolved once the re-inspection (E-2) passed.
  const dana = who(people, 'dana');
  const lot = await escalationOf(d, dana, 'NW-TENT2P', 'defect_threshold', 'E-1');
  const raisedOn = dateInZone(new Date(lot.raisedAt), 'UTC');
  const acked = unwrap(
    await acknowledgeEscalation(at(raisedOn, 16), { programId: 'NW-TENT2P', escalationId: lot.key, version: lot.version, actor: dana }),
  );
  const reinspection = unwrap(await getFloorEvent(d, { programId: 'NW-TENT2P', eventId: 'E-2', actor: dana })).event;
  unwrap(
    await resolveEscalation(at(reinspection.occurredOn, 16), {
      programId: 'NW-TENT2P',
      escalationId: lot.key,
      version: acked.escalation.version,
      actor: dana,
      outcome:
        'Pilot lot P1 quarantined and reworked (A-6): labels re-sewn, six seams re-taped; the re-inspection (E-2) accepted all three classes. The label text itself is A-7.',
      actionId: 'A-6',
    }),
  );

  // The sweep two business days ago, then at "now".
  await sweepEscalations(at(bd(today, -2), 1));
  // Marcus saw the late daypack samples the evening they were raised and answered before the deadline.
  const marcus = who(people, 'marcus');
  const samples = await escalationOf(d, marcus, 'NW-PACK22', 'late_sample_arrival', 'E-1');
  const ackAt = new Date(new Date(samples.raisedAt).getTime() + 90 * 60_000);
  if (ackAt < now) {
    const answered = { ...d, clock: { now: () => ackAt } };
    unwrap(
      await acknowledgeEscalation(answered, { programId: 'NW-PACK22', escalationId: samples.key, version: samples.version, actor: marcus }),
    );
  }
  await sweepEscalations({ ...d, clock: { now: () => now } });

  for (const m of mailModes) unwrap(await updateNotificationSettings(at(bd(today, -20), 9), { actor: who(people, m.who), modes: m.modes }));
}
