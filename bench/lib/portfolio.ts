import { setImmediate } from 'node:timers/promises';
import { completeMilestone } from '../../src/app/complete-milestone.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { type CreateProgramInput, createClient, createProgram } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import { addBusinessDays, mondayToFriday } from '../../src/domain/business-days.js';
import type { ProgramId } from '../../src/domain/ids.js';
import { type Phase, phases } from '../../src/domain/milestone.js';
import { addDays, dateInZone, type PlainDate } from '../../src/domain/plain-date.js';
import type { ProgramStatus } from '../../src/domain/program.js';
import type { Result } from '../../src/domain/result.js';
import type { Rng } from './prng.js';

export interface SyntheticMilestone {
  readonly id: string;
  readonly key: string;
  /** Not completed when generated (write operations never complete one, so it stays open). */
  readonly open: boolean;
}

export interface SyntheticProgram {
  readonly id: ProgramId;
  readonly code: string;
  readonly timeZone: string;
  /** The people holding a role on the program (those of its client): who may own its milestones. */
  readonly people: readonly Actor[];
  readonly milestones: readonly SyntheticMilestone[];
}

export interface Portfolio {
  /** The workspace admin (the first admin, created without anyone acting): creates clients and programs. */
  readonly admin: Actor;
  /**
   * The person the operations act as: a cadence owner on every client (one membership per client),
   * so they see and may change every program, through the same policy checks as anyone.
   */
  readonly lead: Actor;
  /** Cadence owners, each on one client; they write their client's programs during generation. */
  readonly people: readonly Actor[];
  readonly clientIds: readonly string[];
  readonly programs: readonly SyntheticProgram[];
  readonly openMilestones: readonly { readonly programId: ProgramId; readonly milestoneId: string }[];
}

export interface GenerateOptions {
  readonly programs: number;
  readonly milestones: number;
  /** Programs written at the same time (each program's own calls stay in order). */
  readonly concurrency: number;
  /** Stops generation after the calls in flight. */
  readonly signal?: AbortSignal;
  /** Called after each program with the programs and milestones done so far. */
  readonly progress?: (programsDone: number, milestonesDone: number) => void;
}

export interface GenerateResult {
  readonly portfolio: Portfolio;
  /** Use-case calls made (each is one transaction). */
  readonly calls: number;
}

const factories = [
  { city: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai' },
  { city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai' },
  { city: 'Ho Chi Minh City', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' },
  { city: 'Pune', country: 'IN', timeZone: 'Asia/Kolkata' },
  { city: 'Monterrey', country: 'MX', timeZone: 'America/Monterrey' },
  { city: 'Izmir', country: 'TR', timeZone: 'Europe/Istanbul' },
] as const;
const personZones = ['America/Chicago', 'America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh'];
const products = ['Kettle', 'Tent', 'Daypack', 'Speaker', 'Earbuds', 'Blender', 'Toaster', 'Bottle', 'Lamp', 'Drill'];
const steps = [
  'Kickoff',
  'Drawings frozen',
  'Tooling',
  'T1 samples',
  'Golden sample',
  'Pilot run',
  'Certification',
  'PP approval',
  'Mass production',
  'Shipment',
];
const statuses: readonly ProgramStatus[] = ['active', 'active', 'active', 'active', 'active', 'active', 'on_hold', 'draft'];

const bd = (d: PlainDate, n: number) => addBusinessDays(mondayToFriday, d, n);

interface MilestonePlan {
  readonly name: string;
  readonly phase: Phase;
  readonly ownerId: string | null;
  readonly baselineDate: PlainDate;
  readonly forecastDate: PlainDate | undefined;
  readonly isCritical: boolean;
  /** Completed on this date right after creation; null leaves it open. */
  readonly actualDate: PlainDate | null;
}

interface ProgramPlan {
  readonly owner: Actor;
  readonly input: Omit<CreateProgramInput, 'actor'>;
  readonly milestones: readonly MilestonePlan[];
}

/**
 * Every random choice of one program, drawn up front so that the portfolio is the same for a seed
 * however the writes interleave: 0-60 weeks into a plan of about M×5 business days; past milestones
 * done a day or two either side of plan (one in twenty left overdue); some future ones forecast late.
 */
function planProgram(
  rng: Rng,
  n: number,
  m: number,
  now: Date,
  peopleOf: ReadonlyMap<string, readonly Actor[]>,
  clientIds: readonly string[],
): ProgramPlan {
  const factory = rng.pick(factories);
  const clientId = rng.pick(clientIds);
  const people = peopleOf.get(clientId) ?? [];
  const owner = rng.pick(people);
  const today = dateInZone(now, factory.timeZone);
  const kickoff = bd(addDays(today, -7 * rng.int(0, 60)), 0);
  const planDays = m * 5 + rng.int(0, 60);
  const milestones: MilestonePlan[] = [];
  for (let i = 0; i < m; i++) {
    const baselineDate = bd(kickoff, Math.round((i * planDays) / (m - 1)));
    const future = baselineDate >= today;
    const ownerId = rng.chance(0.05) ? null : rng.pick(people).id;
    const slip = future && rng.chance(0.15) ? rng.int(1, 8) : 0;
    const isCritical = rng.chance(0.2);
    const done = !future && !rng.chance(0.05);
    const actual = bd(baselineDate, rng.int(-1, 2));
    milestones.push({
      name: `${steps[i % steps.length]} ${i + 1}`,
      phase: phases[Math.floor((i * phases.length) / m)] ?? 'G4',
      ownerId,
      baselineDate,
      forecastDate: slip > 0 ? bd(baselineDate, slip) : undefined,
      isCritical,
      actualDate: done ? (actual < today ? actual : bd(today, -1)) : null,
    });
  }
  return {
    owner,
    input: {
      code: `BN-${String(n).padStart(5, '0')}`,
      name: `${rng.pick(products)} ${n}`,
      clientId,
      supplierName: `${factory.city} Supplier ${rng.int(1, 50)}`,
      factoryCity: factory.city,
      factoryCountry: factory.country,
      timeZone: factory.timeZone,
      status: rng.pick(statuses),
      ownerId: owner.id,
      toleranceDays: rng.pick([2, 3, 3, 5]),
      targetReleaseDate: bd(kickoff, planDays + 10),
    },
    milestones,
  };
}

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`generation: ${what} refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Builds a synthetic portfolio through the real use cases (one transaction per call). */
export async function generatePortfolio(deps: AppDeps, rng: Rng, opts: GenerateOptions): Promise<GenerateResult> {
  let calls = 0;
  const call = async <T>(what: string, run: () => Promise<Result<T>>): Promise<T> => {
    // better-sqlite3 answers synchronously, so without this hop the chain of calls is one long run
    // of microtasks and a Ctrl-C handler would never get its turn.
    await setImmediate();
    opts.signal?.throwIfAborted();
    calls++;
    return must(await run(), what);
  };
  const actorOf = (
    u: { id: Actor['id']; name: string; email: string; isAdmin: boolean },
    memberships: Actor['memberships'] = [],
  ): Actor => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isAdmin: u.isAdmin,
    memberships,
  });
  const admin = actorOf(
    await call('createPerson', () => createPerson(deps, { actor: null, email: 'admin@bench.invalid', name: 'Bench Admin', isAdmin: true })),
  );

  const clientIds: string[] = [];
  const clientCount = Math.min(100, Math.max(3, Math.ceil(opts.programs / 10)));
  for (let i = 1; i <= clientCount; i++) {
    const input = { actor: admin, name: `Client ${i}`, country: rng.pick(['US', 'DE', 'GB', 'FR']) };
    clientIds.push((await call('createClient', () => createClient(deps, input))).id);
  }

  // Every person runs the programs of one client (people cycle through the clients, so each has one).
  const people: Actor[] = [];
  const peopleOf = new Map<string, Actor[]>();
  const peopleCount = Math.min(200, Math.max(clientCount, Math.ceil(opts.programs / 10)));
  for (let i = 1; i <= peopleCount; i++) {
    const input = { actor: admin, email: `person${i}@bench.invalid`, name: `Person ${i}`, timeZone: rng.pick(personZones) };
    const u = await call('createPerson', () => createPerson(deps, input));
    const clientId = clientIds[(i - 1) % clientIds.length] as string;
    const m = await call('grantRole', () => grantRole(deps, { actor: admin, userId: u.id, clientId, role: 'cadence_owner' }));
    const person = actorOf(u, [m]);
    people.push(person);
    peopleOf.set(clientId, [...(peopleOf.get(clientId) ?? []), person]);
  }
  const leadUser = await call('createPerson', () =>
    createPerson(deps, { actor: admin, email: 'lead@bench.invalid', name: 'Bench Lead', timeZone: 'America/Chicago' }),
  );
  const leadMemberships = [];
  for (const clientId of clientIds) {
    leadMemberships.push(
      await call('grantRole', () => grantRole(deps, { actor: admin, userId: leadUser.id, clientId, role: 'cadence_owner' })),
    );
  }
  const lead = actorOf(leadUser, leadMemberships);

  const now = deps.clock.now();
  const plans = Array.from({ length: opts.programs }, (_, i) => planProgram(rng, i + 1, opts.milestones, now, peopleOf, clientIds));
  const programs: SyntheticProgram[] = new Array(plans.length);
  let programsDone = 0;
  let milestonesDone = 0;

  const writeProgram = async (index: number) => {
    const plan = plans[index] as ProgramPlan;
    const actor = plan.owner;
    const program = await call('createProgram', () => createProgram(deps, { ...plan.input, actor: admin }));
    const milestones: SyntheticMilestone[] = [];
    for (const mp of plan.milestones) {
      const { actualDate, ...fields } = mp;
      const view = await call('createMilestone', () => createMilestone(deps, { ...fields, programId: program.id, actor }));
      const m = view.milestone;
      if (actualDate !== null) {
        const target = { programId: program.id, milestoneId: m.id, version: m.version, actor };
        await call('completeMilestone', () => completeMilestone(deps, { ...target, actualDate, reason: 'Confirmed by the supplier.' }));
      }
      milestones.push({ id: m.id, key: m.key, open: actualDate === null });
      milestonesDone++;
    }
    programs[index] = {
      id: program.id,
      code: program.code,
      timeZone: program.timeZone,
      people: peopleOf.get(program.clientId) ?? [],
      milestones,
    };
    opts.progress?.(++programsDone, milestonesDone);
  };

  // A few workers take programs in turn; after a failure they stop taking new ones, and the first
  // error is thrown once all have stopped (so nothing writes while the caller closes the store).
  let nextIndex = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && nextIndex < plans.length) {
      try {
        await writeProgram(nextIndex++);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, plans.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;

  const openMilestones = programs.flatMap((p) => p.milestones.filter((m) => m.open).map((m) => ({ programId: p.id, milestoneId: m.id })));
  return { portfolio: { admin, lead, people, clientIds, programs, openMilestones }, calls };
}
