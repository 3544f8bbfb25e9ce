import type { Condition } from '../../domain/escalations/conditions.js';
import { type Escalation, escalationLimits, expireEscalation, expiryOf } from '../../domain/escalations/escalation.js';
import type { TriggerKind, TriggerSetting } from '../../domain/escalations/triggers.js';
import type { ProgramId, UserId } from '../../domain/ids.js';
import { permit, systemAccess } from '../../domain/policy.js';
import type { AppDeps } from '../deps.js';
import { type NoticeRequest, notify } from '../notifications/notify.js';
import type { Insert, SameUpdates, Tx, WriteMeta } from '../ports.js';
import { must } from '../transact.js';
import { insertOf } from '../write-record.js';
import { actionOwnerOf, cadenceOwnersOf, type EscalationScope } from './escalation-scope.js';
import { deadlinesAt } from './owner-workday.js';
import { systemActorId } from './system-actor.js';

/** The notice-spell subject of a condition: a resolved escalation is not raised again while its spell lasts. */
export const spellSubject = (programId: string, conditionKey: string): string => `escalation:${programId}:${conditionKey}`;

/** Tollgate's stamp for a trigger's write: its system actor, the instant, the reason, a correlation id of its own. */
export const systemMeta = (deps: AppDeps, kind: TriggerKind, at: string, reason: string): WriteMeta => ({
  actorId: systemActorId(kind),
  at,
  reason,
  correlationId: deps.newId(),
});

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A condition found on a program, to raise unless it is in its spell or open. */
export interface Wanted {
  readonly scope: EscalationScope;
  readonly condition: Condition;
  /** The condition keys of the program's open escalations. */
  readonly openKeys: ReadonlySet<string>;
}

/** What raising did: the escalations raised, and how many conditions no one could be named to own. */
export interface Raised {
  readonly raised: readonly Escalation[];
  readonly unowned: number;
}

/**
 * Raises the escalation of each condition unless its spell is already open (raised before, perhaps
 * resolved since) or an escalation of it is still open: as the trigger's system actor, through the one
 * write path, its deadline on the owner's calendar and zone; the owner and the cadence owners are told.
 * A constant number of statements whatever the number of conditions (spells opened in one upsert, keys
 * counted on per program in one, rows, change log, notices and mails in multi-row inserts), so a sweep
 * over a thousand programs does no work per item in the database. Opening a spell is an upsert and the
 * database holds one open escalation per condition, so of two instances raising at once one does.
 */
export async function raiseEscalations(deps: AppDeps, tx: Tx, wanted: readonly Wanted[], now: Date): Promise<Raised> {
  const at = now.toISOString();
  let unowned = 0;
  const candidates: { w: Wanted; trigger: TriggerSetting; ownerId: UserId; subject: string }[] = [];
  const permitted = new Set<string>();
  for (const w of wanted) {
    const trigger = w.scope.triggers.find((t) => t.kind === w.condition.kind);
    if (!trigger?.isEnabled) continue;
    if (!permitted.has(w.scope.program.id)) {
      must(permit(systemAccess(w.scope.program), 'escalation.raise'));
      permitted.add(w.scope.program.id);
    }
    const ownerId = actionOwnerOf(w.scope, trigger);
    if (!ownerId) {
      unowned++;
      continue;
    }
    candidates.push({ w, trigger, ownerId, subject: spellSubject(w.scope.program.id, w.condition.conditionKey) });
  }
  if (candidates.length === 0) return { raised: [], unowned };
  const opened = new Set(
    await tx.openSpells(
      candidates.map((c) => c.subject),
      at,
    ),
  );
  // A condition found twice at once is raised once: the spell opened for the first.
  const toRaise = candidates.filter((c) => opened.delete(c.subject) && !c.w.openKeys.has(c.w.condition.conditionKey));
  if (toRaise.length === 0) return { raised: [], unowned };
  const counts = new Map<ProgramId, number>();
  for (const c of toRaise) counts.set(c.w.scope.program.id, (counts.get(c.w.scope.program.id) ?? 0) + 1);
  const keys = await tx.nextKeys('X', counts);
  const deadlineOf = deadlinesAt(now);
  const inserts: Insert[] = [];
  const raised: Escalation[] = [];
  const notices: NoticeRequest[] = [];
  for (const { w, trigger, ownerId } of toRaise) {
    const { scope, condition } = w;
    const key = keys.get(scope.program.id)?.shift();
    if (!key) throw new Error(`No escalation key was counted for program ${scope.program.id}.`);
    const deadline = deadlineOf(scope.program, scope.users.get(ownerId), trigger.window);
    const escalation: Escalation = {
      id: deps.newId(),
      programId: scope.program.id,
      key,
      triggerKind: condition.kind,
      conditionKey: condition.conditionKey,
      subjectKind: condition.subject.kind,
      subjectRef: condition.subject.ref,
      subjectTitle: cut(condition.subject.title, escalationLimits.subjectTitle),
      subjectLink: condition.subject.link,
      severity: trigger.severity,
      ownerId,
      level: 0,
      raisedAt: at,
      deadlineAt: deadline.toISOString(),
      status: 'open',
      outcome: null,
      decisionId: null,
      actionId: null,
      acknowledgedAt: null,
      resolvedAt: null,
      version: 1,
    };
    const { id, version, ...values } = escalation;
    const meta = systemMeta(deps, condition.kind, at, `Trigger ${condition.kind.replaceAll('_', ' ')}: ${condition.subject.ref}`);
    inserts.push(insertOf({ entity: 'escalation', id, programId: scope.program.id, entityKey: key, meta }, values));
    raised.push(escalation);
    notices.push(noticeOf(scope, escalation, 'escalation_raised'));
  }
  await tx.writeInserts(inserts);
  await notify(deps, tx, { actorId: null, at }, notices);
  return { raised, unowned };
}

/** What expiring did: how many climbed a level, how many stayed expired. */
export interface Expired {
  readonly climbed: number;
  readonly expired: number;
}

/**
 * Escalations past their deadline, neither acknowledged nor resolved: each one level up the charter's path
 * with a new deadline on the new owner's calendar (told, with the cadence owners), or expired where it
 * stays. Those going to the same place (status, owner, level, deadline) are saved in one versioned update
 * a few hundred, so the statements grow with the places, not the escalations; one acknowledged or resolved
 * meanwhile keeps what its owner did, and the next sweep looks again.
 */
export async function expireEscalations(
  deps: AppDeps,
  tx: Tx,
  due: readonly (readonly [EscalationScope, Escalation])[],
  now: Date,
): Promise<Expired> {
  const at = now.toISOString();
  const deadlineOf = deadlinesAt(now);
  const groups = new Map<
    string,
    {
      set: Partial<Escalation>;
      rows: { scope: EscalationScope; e: Escalation; next: Escalation; write: SameUpdates<'escalation'>['rows'][number] }[];
    }
  >();
  for (const [scope, e] of due) {
    must(permit(systemAccess(scope.program), 'escalation.raise'));
    const trigger = scope.triggers.find((t) => t.kind === e.triggerKind);
    const expiry = expiryOf(e, scope.path, trigger?.climbs ?? true);
    const deadline = expiry.kind === 'climb' && trigger ? deadlineOf(scope.program, scope.users.get(expiry.to), trigger.window) : null;
    const { next, changes } = expireEscalation(e, expiry, deadline?.toISOString() ?? null);
    const reason =
      expiry.kind === 'climb'
        ? `Not acknowledged by its deadline: climbed to level ${expiry.level} of the escalation path.`
        : 'Not acknowledged by its deadline; no level left to climb to.';
    const set: Partial<Escalation> =
      expiry.kind === 'climb'
        ? { status: next.status, ownerId: next.ownerId, level: next.level, deadlineAt: next.deadlineAt }
        : { status: next.status };
    const place = JSON.stringify(set);
    const group = groups.get(place) ?? { set, rows: [] };
    groups.set(place, group);
    group.rows.push({
      scope,
      e,
      next,
      write: {
        id: e.id,
        programId: scope.program.id,
        entityKey: e.key,
        expectedVersion: e.version,
        changes,
        meta: systemMeta(deps, e.triggerKind, at, reason),
      },
    });
  }
  let climbed = 0;
  let expired = 0;
  const notices: NoticeRequest[] = [];
  for (const { set, rows } of groups.values()) {
    const saved = await tx.writeUpdates({ entity: 'escalation', set, at, rows: rows.map((r) => r.write) });
    for (const { scope, e, next } of rows) {
      if (!saved.has(e.id)) continue;
      if (next.status === 'escalated') {
        climbed++;
        notices.push(noticeOf(scope, { ...next, version: e.version + 1 }, 'escalation_climbed'));
      } else expired++;
    }
  }
  await notify(deps, tx, { actorId: null, at }, notices);
  return { climbed, expired };
}

/** The notice of a raise or climb: to the escalation's owner and the program's cadence owners. */
function noticeOf(scope: EscalationScope, e: Escalation, kind: 'escalation_raised' | 'escalation_climbed'): NoticeRequest {
  return {
    kind,
    programId: scope.program.id,
    recipients: [e.ownerId, ...cadenceOwnersOf(scope)],
    facts: {
      programCode: scope.program.code,
      escalationKey: e.key,
      triggerKind: e.triggerKind,
      subjectTitle: e.subjectTitle,
      severity: e.severity,
      ownerName: scope.users.get(e.ownerId)?.name ?? e.ownerId,
      deadlineAt: e.deadlineAt,
      level: e.level,
    },
  };
}
