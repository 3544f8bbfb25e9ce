import type { BusinessCalendar } from '../../domain/calendar/build-calendar.js';
import { buildCalendar } from '../../domain/calendar/build-calendar.js';
import { templateTriggers } from '../../domain/escalations/triggers.js';
import { defaultFourGateTemplate } from '../../domain/gates/default-four-gate.js';
import { layOutTemplatePlan, type PlanMilestone } from '../../domain/gates/instantiate.js';
import type { PpapLevel, ProgramTemplate } from '../../domain/gates/template.js';
import { asClientId, asFactoryId, asMilestoneId, asProgramId, type UserId } from '../../domain/ids.js';
import { milestoneRecord } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { copyPlan, mapOwners, type OwnerChoice, type PlanCopy, type SourceOwner, sourceOwners } from '../../domain/plan-copy.js';
import { type Authorized, type AuthorizedProgramId, permitProgramCreation, programBeingCreated } from '../../domain/policy.js';
import { defaultToleranceDays, type Program, type ProgramStatus, programCodePattern } from '../../domain/program.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Role } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import { columnsOf } from '../escalations/trigger-settings.js';
import { writeGates } from '../gates/make-gates.js';
import { findAccessibleProgram } from '../get-program.js';
import { insertGrant } from '../people/grant-role.js';
import type { Factory, Reads, Tx, WriteMeta } from '../ports.js';
import { templateForProgram } from '../templates/templates.js';
import { abort, must } from '../transact.js';
import { programCalendar, programCalendarSpec } from '../views.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { programWrite, writeSequence } from '../write-sequence.js';
import { checkPlace } from './clients.js';
import { insertFactory } from './suppliers.js';

/** The people a new program starts with, by role (each becomes a role on the program). */
export type ProgramOwners = Partial<Record<Role, readonly string[]>>;

/**
 * Where a new program is made: a factory on record (`factoryId`), or a supplier and factory named here
 * (`supplierName`, `factoryCity`, `factoryCountry`, `timeZone`: found, or added).
 */
export interface ProgramFactory {
  readonly factoryId?: string | undefined;
  readonly supplierName?: string | undefined;
  readonly factoryCity?: string | undefined;
  readonly factoryCountry?: string | undefined;
  /** With a factory on record: overrides the factory's time zone. */
  readonly timeZone?: string | undefined;
}

export interface CopyFrom {
  /** The program whose plan is copied (id or code), which the person may see. */
  readonly programId: string;
  /** The new plan's first date (the next business day on the new calendar when closed). */
  readonly startDate: PlainDate;
  /** Who owns the copied milestones, by source owner id: a person with a role on the new program, or null (left). */
  readonly owners?: OwnerMapping | undefined;
}

/** A source owner's id → the new owner's id, or null to leave their milestones for assignment. */
export type OwnerMapping = Readonly<Record<string, string | null>>;

const leftAlone: OwnerChoice = { to: null, isChosen: false };

export interface CreateProgramInput extends ProgramFactory {
  readonly actor: Actor;
  readonly code: string;
  readonly name: string;
  readonly product?: string | undefined;
  readonly clientId: string;
  /**
   * Active unless told, for in-process seeding only (the demo, the bench, tests): the API and the CLI
   * always make a draft. A program made active here has no baseline 0 and is not activated: it takes
   * baseline 0 through activateProgram, which needs its complete kickoff charter like any activation.
   */
  readonly status?: ProgramStatus | undefined;
  /** The person who runs the program (its owner on the portfolio). */
  readonly ownerId?: string | null | undefined;
  readonly owners?: ProgramOwners | undefined;
  readonly toleranceDays?: number | undefined;
  readonly targetReleaseDate?: PlainDate | null | undefined;
  readonly copyFrom?: CopyFrom | undefined;
  /** The template whose gates (and, from `planStart`, standard milestones) the program gets; the default four gates when absent. */
  readonly templateId?: string | undefined;
  /** The PPAP submission level of a template with PPAP (its release checklist follows it). */
  readonly ppapLevel?: PpapLevel | undefined;
  /** Lays out the template's standard milestones and their links from this date (not with copyFrom). */
  readonly planStart?: PlainDate | undefined;
  readonly reason?: string | undefined;
}

const field = (path: string, message: string, summary: string) =>
  abort({ code: 'VALIDATION_FAILED', message: summary, fields: [{ path, message }] });

function checkCode(code: string): Result<string> {
  const c = code.trim().toUpperCase();
  return programCodePattern.test(c)
    ? ok(c)
    : refuse('VALIDATION_FAILED', `Program code "${code}" is not valid.`, [{ path: 'code', message: '2-32 letters, digits or dashes.' }]);
}

/** A factory new programs may be made at: on record, and neither it nor its supplier archived. */
async function offeredFactory(reads: Reads, factoryId: string): Promise<Result<Factory>> {
  const f = await reads.findFactory(factoryId);
  if (!f) return refuse('VALIDATION_FAILED', `No factory "${factoryId}".`, [{ path: 'factoryId', message: 'Unknown factory.' }]);
  const supplier = await reads.findSupplier(f.supplierId);
  if (f.archivedAt !== null || supplier?.archivedAt !== null)
    return refuse('VALIDATION_FAILED', `${supplier?.name ?? ''} ${f.name} is archived; choose another factory.`.trim(), [
      { path: 'factoryId', message: f.archivedAt !== null ? 'The factory is archived.' : 'The supplier is archived.' },
    ]);
  return ok(f);
}

/** The factory named by the input: found by id, or found or added by supplier name and city. */
async function resolveFactory(deps: AppDeps, tx: Tx, meta: WriteMeta, input: ProgramFactory): Promise<Factory> {
  if (input.factoryId !== undefined) return must(await offeredFactory(tx, input.factoryId));
  const { supplierName, factoryCity, factoryCountry, timeZone } = input;
  if (!supplierName?.trim() || !factoryCity?.trim() || !factoryCountry || !timeZone)
    return field('factoryId', 'Required: choose a factory.', 'Say where the program is made: a factory of a supplier.');
  const place = checkPlace(factoryCountry, timeZone, { country: 'factoryCountry', timeZone: 'timeZone' });
  if (!place.ok) return abort(place.error);
  await tx.lock('suppliers');
  let supplier = await tx.findSupplierByName(supplierName.trim());
  if (!supplier) {
    const id = deps.newId();
    const values = { name: supplierName.trim(), country: factoryCountry.toUpperCase(), archivedAt: null };
    await insertRecord(deps, tx, { entity: 'supplier', id, programId: null, entityKey: values.name, meta }, values);
    supplier = { id: id as Factory['supplierId'], ...values, version: 1 };
  } else if (supplier.archivedAt !== null) field('supplierName', 'The supplier is archived.', `${supplier.name} is archived.`);
  const city = factoryCity.trim();
  const country = factoryCountry.toUpperCase();
  const factories = (await tx.listSuppliers()).find((s) => s.supplier.id === supplier.id)?.factories ?? [];
  const same = factories.find((f) => f.city === city && f.country === country && f.timeZone === timeZone);
  if (same) return same.archivedAt === null ? same : field('factoryCity', 'The factory is archived.', `${same.name} is archived.`);
  let name = city;
  for (let i = 2; factories.some((f) => f.name.toLowerCase() === name.toLowerCase()); i++) name = `${city} ${i}`;
  return insertFactory(deps, tx, meta, { supplierId: supplier.id, name, city, country, timeZone });
}

/** Who will hold a role on the new program: its owners by role, and those with a role on its client. */
async function peopleOf(tx: Tx, clientId: string, owners: ProgramOwners, ownerId: string | null): Promise<Set<string>> {
  const people = new Set<string>(Object.values(owners).flatMap((ids) => [...(ids ?? [])]));
  if (ownerId) people.add(ownerId);
  for (const m of await tx.listMembershipsOn({ id: asProgramId(''), clientId: asClientId(clientId) })) people.add(m.userId);
  return people;
}

/** The source program's plan, readable by the actor, as the copy needs it. */
async function copySource(reads: Reads, actor: Actor, idOrCode: string) {
  const found = await findAccessibleProgram(reads, actor, idOrCode);
  if (!found.ok) return field('copyFrom.programId', 'Unknown program, or one you may not see.', found.error.message);
  const { program } = found.value;
  const [milestones, links] = await Promise.all([reads.listMilestones(program.id), reads.listMilestoneLinks(program.id)]);
  return { program, milestones, links };
}

/** The calendar a program would keep by default at this place and time zone. */
const defaultCalendarAt = (country: string, timeZone: string) =>
  buildCalendar({ countries: [{ country }], timeZone, endOfDayHour: 18 }, { from: 2025, to: 2027 });

/** The source's plan laid out from the new start on the new program's calendar. */
function layOut(
  source: Awaited<ReturnType<typeof copySource>>,
  target: { country: string; timeZone: string },
  start: PlainDate,
  owners: ReadonlyMap<UserId, OwnerChoice>,
): Result<PlanCopy> {
  const sourceCal = buildCalendar(programCalendarSpec(source.program as unknown as Program), { from: 2025, to: 2027 });
  return copyPlan(
    { milestones: source.milestones, links: source.links, targetReleaseDate: source.program.targetReleaseDate },
    sourceCal,
    defaultCalendarAt(target.country, target.timeZone),
    start,
    (id) => owners.get(id) ?? leftAlone,
  );
}

/**
 * Creates a program for a client (workspace admins and the client's cadence owners): unique code, at a
 * supplier's factory (whose country and zone give its default calendar), with its owners by role, empty
 * or as a copy of another program's plan shifted to a new start on the new calendar. One transaction:
 * the program, its roles, its milestones and links are all written, or nothing is.
 */
export async function createProgram(deps: AppDeps, input: CreateProgramInput): Promise<Result<Program>> {
  const code = checkCode(input.code);
  if (!code.ok) return Promise.resolve(code);
  // The template is read before the write: a workspace template edited meanwhile is made from at the version read.
  const template = await templateForProgram(deps.store.reads, input.templateId ?? defaultFourGateTemplate.id, input.ppapLevel);
  if (!template.ok) return template;
  if (input.planStart !== undefined && input.copyFrom !== undefined)
    return Promise.resolve(
      refuse('VALIDATION_FAILED', 'A program starts either from a copied plan or from its template’s plan, not both.', [
        { path: 'planStart', message: 'Leave it out when copying a plan.' },
      ]),
    );
  const zone = checkPlace(undefined, input.timeZone);
  if (!zone.ok) return Promise.resolve(zone);
  const opening = {
    actorId: input.actor.id,
    reason: input.reason,
    open: async (tx: Tx) => {
      must(permitProgramCreation(input.actor, asClientId(input.clientId)));
      await tx.lock('programs');
      return {};
    },
  };
  return writeSequence(
    deps,
    opening,
    async ({ tx, meta, metaForAnother }) => {
      const client = await tx.findClient(input.clientId);
      if (!client) field('clientId', 'Unknown client.', `No client "${input.clientId}".`);
      else if (client.archivedAt !== null)
        field('clientId', 'The client is archived.', `${client.name} is archived; restore it or choose another.`);
      if (await tx.findProgram(code.value)) field('code', 'Already in use.', `Program code ${code.value} is taken.`);
      const owners = input.owners ?? {};
      for (const id of [input.ownerId ?? null, ...Object.values(owners).flatMap((ids) => [...(ids ?? [])])]) {
        if (id === null) continue;
        const u = await tx.findUser(id);
        if (!u || u.status === 'removed')
          abort({
            code: 'USER_NOT_FOUND',
            message: `No person "${id}".`,
            fields: [{ path: id === input.ownerId ? 'ownerId' : 'owners', message: 'Unknown person.' }],
          });
      }
      const factory = await resolveFactory(deps, tx, meta, input);
      const id = asProgramId(deps.newId());
      const timeZone = input.timeZone ?? factory.timeZone;
      const source = input.copyFrom ? await copySource(tx, input.actor, input.copyFrom.programId) : null;
      const people = source ? await peopleOf(tx, input.clientId, owners, input.ownerId ?? null) : new Set<string>();
      const plan =
        source && input.copyFrom
          ? must(
              layOut(
                source,
                { country: factory.country, timeZone },
                input.copyFrom.startDate,
                must(mapOwners(sourceOwners(source.milestones), input.copyFrom.owners ?? {}, (u) => people.has(u), 'copyFrom.owners')),
              ),
            )
          : null;
      const values = {
        code: code.value,
        name: input.name.trim(),
        product: (input.product ?? '').trim(),
        clientId: asClientId(input.clientId),
        factoryId: asFactoryId(factory.id),
        supplierName: (await tx.findSupplier(factory.supplierId))?.name ?? '',
        factoryCity: factory.city,
        factoryCountry: factory.country,
        timeZone,
        status: input.status ?? 'active',
        ownerId: (input.ownerId ?? null) as UserId | null,
        toleranceDays: input.toleranceDays ?? defaultToleranceDays,
        targetReleaseDate: input.targetReleaseDate ?? plan?.targetReleaseDate ?? null,
        calendarSpec: null,
        archivedAt: null,
      };
      await insertRecord(deps, tx, { entity: 'program', id, programId: id, entityKey: values.code, meta }, values);
      for (const [role, ids] of Object.entries(owners) as [Role, readonly string[]][]) {
        for (const userId of new Set(ids)) await insertGrant(deps, tx, { meta: metaForAnother() }, { userId, programId: id, role });
      }
      if (plan && source) await writeCopy(deps, tx, id, plan, metaForAnother(`Copied from ${source.program.code}`));
      const created: Program = { id, ...values, version: 1, revision: 1 };
      const authorized = { ...created, id: must(programBeingCreated(input.actor, created)) };
      const calendar = programCalendar(created);
      const reviews =
        input.planStart !== undefined
          ? await writeTemplatePlan(deps, tx, authorized.id, template.value, input.planStart, calendar, values.ownerId, metaForAnother())
          : undefined;
      await writeGates(deps, tx, () => metaForAnother(), authorized, template.value, calendar, reviews);
      // The template's escalation settings, where they differ from Tollgate's own, become the program's triggers.
      for (const setting of templateTriggers(template.value.escalation)) {
        const target = { entity: 'trigger' as const, id: deps.newId(), programId: id, entityKey: `${code.value}/${setting.kind}` };
        const why = metaForAnother(`The default of the template ${template.value.name}`);
        await insertRecord(deps, tx, { ...target, meta: why }, { programId: id, ...columnsOf(setting) });
      }
      return created;
    },
    ({ value }) => value,
  );
}

/**
 * The template's standard milestones laid out from `start` on the program's calendar (keys M-1… in the
 * template's order, owned by the program's owner) and their links; answers each gate's review milestone.
 */
async function writeTemplatePlan(
  deps: AppDeps,
  tx: Tx,
  programId: AuthorizedProgramId,
  template: ProgramTemplate,
  start: PlainDate,
  calendar: BusinessCalendar,
  ownerId: UserId | null,
  meta: WriteMeta,
): Promise<Record<string, PlanMilestone | null>> {
  const laid = layOutTemplatePlan(template, start, calendar);
  const byKey = new Map<string, PlanMilestone>();
  for (const m of laid) {
    const key = await tx.nextKey(programId, 'M');
    const { next, changes } = milestoneRecord({
      id: asMilestoneId(deps.newId()),
      programId,
      key,
      name: m.name,
      phase: m.phase,
      ownerId,
      baselineDate: m.date,
      isCritical: m.isCritical,
      toleranceDays: null,
    });
    const { id, version: _v, ...values } = next;
    await tx.write({ op: 'insert', entity: 'milestone', id, programId, entityKey: key, values, changes, meta });
    byKey.set(m.key, { id, key, name: m.name, phase: m.phase, forecastDate: m.date });
  }
  for (const m of laid) {
    const successor = byKey.get(m.key) as PlanMilestone;
    for (const p of m.predecessors) {
      const predecessor = byKey.get(p.key) as PlanMilestone;
      await insertRecord(
        deps,
        tx,
        { entity: 'milestone_link', id: deps.newId(), programId, entityKey: `${predecessor.key}→${successor.key}`, meta },
        { programId, predecessorId: asMilestoneId(predecessor.id), successorId: asMilestoneId(successor.id), lagDays: p.lagDays },
      );
    }
  }
  return Object.fromEntries(template.gates.map((g) => [g.key, byKey.get(g.reviewMilestoneKey) ?? null]));
}

/** The copied milestones (keys M-1… as planned) and links, each through the one write path. */
async function writeCopy(deps: AppDeps, tx: Tx, programId: Program['id'], plan: PlanCopy, meta: WriteMeta): Promise<void> {
  const idByKey = new Map<string, string>();
  for (const m of plan.milestones) {
    const key = await tx.nextKey(programId, 'M');
    if (key !== m.key) throw new Error(`copy: expected key ${m.key}, the program gave ${key}`);
    // An owner not mapped to the new program is left for assignment: the "needs an owner" list shows it.
    const { next, changes } = milestoneRecord({
      id: asMilestoneId(deps.newId()),
      programId,
      key,
      name: m.name,
      phase: m.phase,
      ownerId: m.ownerId,
      baselineDate: m.date,
      isCritical: m.isCritical,
      toleranceDays: m.toleranceDays,
    });
    const { id, version: _v, ...values } = next;
    idByKey.set(key, id);
    await tx.write({ op: 'insert', entity: 'milestone', id, programId, entityKey: key, values, changes, meta });
  }
  for (const l of plan.links) {
    const predecessorId = asMilestoneId(idByKey.get(l.predecessorKey) as string);
    const successorId = asMilestoneId(idByKey.get(l.successorKey) as string);
    await insertRecord(
      deps,
      tx,
      { entity: 'milestone_link', id: deps.newId(), programId, entityKey: `${l.predecessorKey}→${l.successorKey}`, meta },
      { programId, predecessorId, successorId, lagDays: l.lagDays },
    );
  }
}

export interface CopyPreviewInput {
  readonly actor: Actor;
  /** The program to copy (id or code). */
  readonly programId: string;
  readonly startDate: PlainDate;
  /** Where the new program will be made (its calendar and zone); the source's factory when absent. */
  readonly factoryId?: string | undefined;
  readonly timeZone?: string | undefined;
  /** The client of the new program: people with a role on it keep their milestones. */
  readonly clientId?: string | undefined;
  readonly owners?: ProgramOwners | undefined;
  /** As CopyFrom's owners. */
  readonly ownerMapping?: OwnerMapping | undefined;
}

export interface CopyPreview extends PlanCopy {
  readonly source: Authorized<Program>;
  readonly factory: { readonly country: string; readonly timeZone: string };
  /** The source plan's owners and where their milestones go. */
  readonly owners: readonly (SourceOwner & OwnerChoice)[];
  /** Who may own milestones on the new program (a role there). */
  readonly possibleOwners: readonly UserId[];
}

/** What copying a program's plan would make, before anything is written: dates, keys, owners and why. */
export async function previewCopy(deps: AppDeps, input: CopyPreviewInput): Promise<Result<CopyPreview>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const source = found.value.program;
  // Another client's people are named only to who may make programs for it.
  if (input.clientId !== undefined && input.clientId !== source.clientId) {
    const allowed = permitProgramCreation(input.actor, asClientId(input.clientId));
    if (!allowed.ok) return allowed;
  }
  let place = { country: source.factoryCountry, timeZone: source.timeZone };
  if (input.factoryId !== undefined) {
    const f = await offeredFactory(reads, input.factoryId);
    if (!f.ok) return f;
    place = { country: f.value.country, timeZone: f.value.timeZone };
  }
  if (input.timeZone !== undefined) {
    const zone = checkPlace(undefined, input.timeZone);
    if (!zone.ok) return zone;
    place = { ...place, timeZone: input.timeZone };
  }
  const [milestones, links] = await Promise.all([reads.listMilestones(source.id), reads.listMilestoneLinks(source.id)]);
  const people = new Set<string>(Object.values(input.owners ?? {}).flatMap((ids) => [...(ids ?? [])]));
  const clientId = input.clientId ?? source.clientId;
  for (const m of await reads.listMembershipsOn({ id: asProgramId(''), clientId: asClientId(clientId) })) people.add(m.userId);
  if (input.clientId === undefined) for (const m of await reads.listMembershipsOn(source)) people.add(m.userId);
  const owners = sourceOwners(milestones);
  const mapping = mapOwners(owners, input.ownerMapping ?? {}, (u) => people.has(u), 'ownerMapping');
  if (!mapping.ok) return mapping;
  const plan = layOut({ program: source, milestones, links }, place, input.startDate, mapping.value);
  if (!plan.ok) return plan;
  return ok({
    ...plan.value,
    source,
    factory: place,
    owners: owners.map((o) => ({ ...o, ...(mapping.value.get(o.id) ?? leftAlone) })),
    possibleOwners: [...people] as UserId[],
  });
}

export interface UpdateProgramInput {
  readonly actor: Actor;
  readonly programId: string;
  readonly version: number;
  readonly reason?: string | undefined;
  readonly name?: string | undefined;
  readonly product?: string | undefined;
  /** A draft's only: */
  readonly code?: string | undefined;
  readonly clientId?: string | undefined;
  readonly factoryId?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly ownerId?: string | null | undefined;
}

/**
 * Edits a program's set-up (its cadence owner or an admin). Name, product and owner at any time; code,
 * client, factory and time zone only while it is a draft: once live, its keys, calendar and history
 * depend on them.
 */
export function updateProgram(deps: AppDeps, input: UpdateProgramInput): Promise<Result<Program>> {
  if (input.code !== undefined) {
    const c = checkCode(input.code);
    if (!c.ok) return Promise.resolve(c);
  }
  const zone = checkPlace(undefined, input.timeZone);
  if (!zone.ok) return Promise.resolve(zone);
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'program.edit',
    orAdmin: true,
    version: input.version,
    reason: input.reason,
  } as const;
  return programWrite(deps, target, async ({ tx, program, meta }) => {
    const draftOnly = (['code', 'clientId', 'factoryId', 'timeZone'] as const).filter((k) => input[k] !== undefined);
    if (draftOnly.length > 0 && program.status !== 'draft') {
      abort({
        code: 'PROGRAM_STATE',
        message: `${program.code} is ${program.status.replace('_', ' ')}: its ${draftOnly.join(', ')} can change only while it is a draft.`,
        fields: draftOnly.map((path) => ({ path, message: 'Only while the program is a draft.' })),
      });
    }
    const set: Partial<Omit<Program, 'id' | 'version' | 'revision'>> = {};
    if (input.name !== undefined) Object.assign(set, { name: input.name.trim() });
    if (input.product !== undefined) Object.assign(set, { product: input.product.trim() });
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null && !(await tx.findUser(input.ownerId)))
        abort({
          code: 'USER_NOT_FOUND',
          message: `No person "${input.ownerId}".`,
          fields: [{ path: 'ownerId', message: 'Unknown person.' }],
        });
      Object.assign(set, { ownerId: input.ownerId });
    }
    if (input.code !== undefined) {
      await tx.lock('programs');
      const code = input.code.trim().toUpperCase();
      const other = await tx.findProgram(code);
      if (other && other.id !== program.id) field('code', 'Already in use.', `Program code ${code} is taken.`);
      Object.assign(set, { code });
    }
    if (input.clientId !== undefined) {
      must(permitProgramCreation(input.actor, asClientId(input.clientId)));
      const client = await tx.findClient(input.clientId);
      if (!client || client.archivedAt !== null)
        field('clientId', 'Unknown or archived client.', `No client "${input.clientId}" to move to.`);
      Object.assign(set, { clientId: input.clientId });
    }
    if (input.factoryId !== undefined) {
      // The factory it is made at may have been archived since; another must be one still offered.
      const f =
        input.factoryId === program.factoryId
          ? ((await tx.findFactory(input.factoryId)) ?? field('factoryId', 'Unknown factory.', `No factory "${input.factoryId}".`))
          : must(await offeredFactory(tx, input.factoryId));
      const supplier = await tx.findSupplier(f.supplierId);
      Object.assign(set, {
        factoryId: f.id,
        supplierName: supplier?.name ?? program.supplierName,
        factoryCity: f.city,
        factoryCountry: f.country,
        timeZone: input.timeZone ?? f.timeZone,
      });
    } else if (input.timeZone !== undefined) Object.assign(set, { timeZone: input.timeZone });
    await updateRecord(deps, tx, { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta }, program, set);
    const changed = Object.entries(set).some(([k, v]) => JSON.stringify(program[k as keyof Program]) !== JSON.stringify(v));
    return { ...program, ...set, version: changed ? program.version + 1 : program.version };
  });
}

/**
 * Takes a program out of the portfolio (its cadence owner or an admin), or brings it back: an archived
 * program stays readable by everyone who could read it, and is found by search; nothing of it is deleted.
 */
export function setProgramArchived(
  deps: AppDeps,
  input: { actor: Actor; programId: string; version: number; archived: boolean; reason?: string | undefined },
): Promise<Result<Program>> {
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'program.edit',
    orAdmin: true,
    version: input.version,
    reason: input.reason,
  } as const;
  return programWrite(deps, target, async ({ tx, program, meta, now }) => {
    if ((program.archivedAt !== null) === input.archived)
      abort({ code: 'PROGRAM_STATE', message: `${program.code} is ${input.archived ? 'already archived' : 'not archived'}.` });
    const archivedAt = input.archived ? now.toISOString() : null;
    await updateRecord(deps, tx, { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta }, program, {
      archivedAt,
    });
    return { ...program, archivedAt, version: program.version + 1 };
  });
}
