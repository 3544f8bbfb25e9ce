import type { Edit } from '../../domain/edit.js';
import type { ChecklistItem, ItemContext } from '../../domain/gates/checklist-item.js';
import { followEvidence, type GatePeople } from '../../domain/gates/gate.js';
import { mayBeAtRisk } from '../../domain/gates/gate-readiness.js';
import type { UserId } from '../../domain/ids.js';
import type { ProgramAction } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { AccessibleProgram, AuthorizedProgram } from '../get-program.js';
import { noticeGateStatus, watchGateRisk } from '../notifications/gate-notices.js';
import type { ChecklistItemRecord, GateRecord, Tx, WriteMeta } from '../ports.js';
import { abort } from '../transact.js';
import { programToday } from '../views.js';
import type { WriteContext } from '../write-sequence.js';
import { programWrite } from '../write-sequence.js';
import { type GateDetailView, type GateFacts, gateDetailView, readGateFacts } from './gate-view.js';
import { gatePeopleOf, programPeople } from './make-gates.js';

/** A gate of a program, by key (G1) or id. */
export interface GateTarget {
  readonly programId: string;
  readonly gateKey: string;
  readonly actor: Actor;
  readonly reason?: string | null | undefined;
}

/** What a gate write reads in its transaction, with the program locked: the gate, its program's gates, the gate's items, who decides. */
export interface GateScope {
  readonly gate: GateRecord;
  readonly gates: readonly GateRecord[];
  /** The gate's own items (a gate write changes no other gate's: their status is not its to follow). */
  readonly items: readonly ChecklistItemRecord[];
  readonly people: GatePeople;
  /** The program's cadence owners (its own and its client's): told when a gate's status moves. */
  readonly cadenceOwnerIds: readonly UserId[];
}

const byKeyOrId = <T extends { readonly key: string; readonly id: string }>(list: readonly T[], ref: string): T | undefined => {
  const r = ref.trim();
  return list.find((x) => x.id === r) ?? list.find((x) => x.key.toLowerCase() === r.toLowerCase());
};

/**
 * The program's gates, the gate's items and who decides (charter's decision owner, else a decision owner by
 * role), read after the lock. Only the gate's items: every write of the demo's gates read all of its program's
 * (a quarter of the demo load's SQL time, and their PPAP JSON parsed each time).
 */
export async function readGateScope(tx: Tx, program: AuthorizedProgram, gateKey: string): Promise<GateScope> {
  const [gates, people] = await Promise.all([tx.listGates(program.id), programPeople(tx, program)]);
  const gate = byKeyOrId(gates, gateKey);
  if (!gate) return abort({ code: 'GATE_NOT_FOUND', message: `${program.code} has no gate "${gateKey}".` });
  const items = await tx.listChecklistItems(program.id, gate.id);
  return {
    gate,
    gates,
    items,
    people: gatePeopleOf(people),
    cadenceOwnerIds: people.holders.cadence_owner ?? [],
  };
}

/** An item of the gate, by key or id. */
export function findItem(scope: GateScope, program: AuthorizedProgram, itemKey: string): ChecklistItemRecord {
  const item = byKeyOrId(
    scope.items.filter((i) => i.gateId === scope.gate.id),
    itemKey,
  );
  if (!item) return abort({ code: 'CHECKLIST_ITEM_NOT_FOUND', message: `${scope.gate.key} of ${program.code} has no item "${itemKey}".` });
  return item;
}

export const itemContext = (scope: GateScope): ItemContext => ({
  gate: { key: scope.gate.key, status: scope.gate.status, ownerId: scope.gate.ownerId, programId: scope.gate.programId },
  qualityOwnerIds: scope.people.qualityOwnerIds,
  decisionOwnerId: scope.people.decisionOwnerId,
});

/** Saves an item's edit at the version it was read; someone else's save in between aborts with VERSION_CONFLICT. */
export async function writeItem(
  tx: Tx,
  program: AuthorizedProgram,
  item: ChecklistItemRecord,
  e: Edit<ChecklistItem>,
  meta: WriteMeta,
): Promise<ChecklistItemRecord> {
  if (e.changes.length === 0) return item;
  const { id, version: _v, gateId: _g, key, ...rest } = e.next;
  const saved = await tx.write({
    op: 'update',
    entity: 'checklist_item',
    id,
    programId: program.id,
    entityKey: key,
    expectedVersion: item.version,
    set: rest,
    changes: e.changes,
    meta,
  });
  if (!saved) abort({ code: 'VERSION_CONFLICT', message: `${key} was changed by someone else while you saved; reload and retry.` });
  return { ...item, ...e.next };
}

/** Saves a gate's edit at the version it was read. */
export async function writeGate(
  tx: Tx,
  program: AuthorizedProgram,
  gate: GateRecord,
  e: Edit<GateRecord>,
  meta: WriteMeta,
): Promise<GateRecord> {
  if (e.changes.length === 0) return gate;
  const { id, version: _v, key, programId: _p, templateId: _t, templateVersion: _tv, ppapLevel: _l, ...set } = e.next;
  const saved = await tx.write({
    op: 'update',
    entity: 'gate',
    id,
    programId: program.id,
    entityKey: key,
    expectedVersion: gate.version,
    set,
    changes: e.changes,
    meta,
  });
  if (!saved) abort({ code: 'VERSION_CONFLICT', message: `${key} was changed by someone else while you saved; reload and retry.` });
  return e.next;
}

/** The gate's status after its items changed: written (and logged) only when it moves. */
export async function followItems(
  tx: Tx,
  program: AuthorizedProgram,
  scope: GateScope,
  items: readonly ChecklistItemRecord[],
  meta: WriteMeta,
): Promise<GateRecord> {
  const own = items.filter((i) => i.gateId === scope.gate.id);
  const e = followEvidence(scope.gate, own);
  return writeGate(tx, program, scope.gate, { next: { ...scope.gate, ...e.next }, changes: e.changes }, meta);
}

/** The version check of a gate write: the caller read the record at `version`. */
export function checkVersion(what: { readonly key: string; readonly version: number }, version: number | undefined): void {
  if (version !== undefined && version !== what.version)
    abort({
      code: 'VERSION_CONFLICT',
      message: `${what.key} was changed by someone else (you read version ${version}, it is now ${what.version}); reload and retry.`,
    });
}

/**
 * A write on one gate (the write sequence on its program, locked so that a gate's status, which
 * reads all its items, follows every change in turn); answers the gate as committed.
 */
export function gateWrite<T>(
  deps: AppDeps,
  target: GateTarget,
  permission: ProgramAction,
  body: (ctx: AccessibleProgram & WriteContext & { readonly scope: GateScope }) => Promise<T>,
): Promise<Result<GateDetailView>> {
  return programWrite(
    deps,
    { programId: target.programId, actor: target.actor, permission, locksProgram: true, reason: target.reason },
    async (ctx) => {
      const scope = await readGateScope(ctx.tx, ctx.program, target.gateKey);
      const written = trackGateWrites(ctx.tx);
      await body({ ...ctx, tx: written.tx, scope });
      const after = written.after(scope) ?? (await readGatesAfter(ctx.tx, ctx.program));
      await noticeGateWrite(deps, ctx, scope, after);
      return { gateId: scope.gate.id, after };
    },
    async ({ program, value: { gateId, after }, now }) => {
      // A caller that ignores the answer's figures (the demo loader) gets the gate and its items as the
      // write left them, without evidence, names or review dates: no read after the write.
      const facts = deps.bareAnswers ? bareGateFacts(after) : await readGateFacts(deps.store.reads, program, true);
      const gate = facts.gates.find((g) => g.id === gateId) as GateRecord;
      return gateDetailView(program, facts, gate, now);
    },
  );
}

export const actorId = (a: Actor): UserId => a.id;

/** The program's gates and items as a gate write left them (read in its transaction). */
export interface GatesAfter {
  readonly gates: readonly GateRecord[];
  readonly items: readonly ChecklistItemRecord[];
}

/** What a bare answer (AppDeps.bareAnswers) of a gate write shows: the gates and items, nothing they name. */
export const bareGateFacts = ({ gates, items }: GatesAfter): GateFacts => ({
  gates,
  items,
  evidence: [],
  events: new Map(),
  milestones: new Map(),
  decisionKeys: new Map(),
  people: new Map(),
  reviewers: null,
});

/** The program's gates and items read again in the write's transaction. */
async function readGatesAfter(tx: Tx, program: AuthorizedProgram): Promise<GatesAfter> {
  const [gates, items] = await Promise.all([tx.listGates(program.id), tx.listChecklistItems(program.id)]);
  return { gates, items };
}

/**
 * The body's transaction, noting each gate and item it updates, so that what the write left is known
 * without reading it again: the program's lock keeps every other gate writer out until commit. Any
 * other write of a gate or an item (an insert, a delete) leaves it unknown (`after` answers null).
 */
function trackGateWrites(tx: Tx): { readonly tx: Tx; after(scope: GateScope): GatesAfter | null } {
  const updates = new Map<string, { readonly set: object; readonly version: number }>();
  let isUnknown = false;
  const write: Tx['write'] = async (w) => {
    const saved = await tx.write(w);
    if (saved && (w.entity === 'gate' || w.entity === 'checklist_item')) {
      if (w.op === 'update') updates.set(w.id, { set: { ...updates.get(w.id)?.set, ...w.set }, version: w.expectedVersion + 1 });
      else isUnknown = true;
    }
    return saved;
  };
  const apply = <R extends { readonly id: string }>(r: R): R => {
    const u = updates.get(r.id);
    return u ? { ...r, ...u.set, version: u.version } : r;
  };
  return {
    tx: { ...tx, write },
    after: (scope) => (isUnknown ? null : { gates: scope.gates.map(apply), items: scope.items.map(apply) }),
  };
}

/**
 * The notices of a gate write, in its transaction: the gate's status moved (told to its owner,
 * gatekeepers and cadence owners), and whether the write made it at risk (told once per spell).
 */
async function noticeGateWrite(
  deps: AppDeps,
  ctx: AccessibleProgram & WriteContext,
  scope: GateScope,
  { gates, items }: GatesAfter,
): Promise<void> {
  const { tx, program, meta, now } = ctx;
  const notice = { actorId: meta.actorId, at: meta.at };
  const after = gates.find((g) => g.id === scope.gate.id);
  if (!after) return;
  await noticeGateStatus(deps, tx, notice, program, scope.gate, after, scope.cadenceOwnerIds);
  const own = items.filter((i) => i.gateId === after.id);
  // The review milestone's date is read only when it can matter (milestone writes do not take the program's lock).
  const needsDate = after.reviewMilestoneId !== null && mayBeAtRisk(after, own, programToday(program, now));
  const m = needsDate && after.reviewMilestoneId ? await tx.findMilestone(program.id, after.reviewMilestoneId) : null;
  await watchGateRisk(
    deps,
    tx,
    notice,
    program,
    { gate: after, plannedReviewDate: m ? (m.actualDate ?? m.forecastDate) : null, items: own },
    now,
  );
}
