import type { Condition } from '../../domain/escalations/conditions.js';
import { responseDeadline } from '../../domain/escalations/deadline.js';
import { type Escalation, escalationLimits, expireEscalation, expiryOf } from '../../domain/escalations/escalation.js';
import type { TriggerKind } from '../../domain/escalations/triggers.js';
import type { UserId } from '../../domain/ids.js';
import { permit, systemAccess } from '../../domain/policy.js';
import type { AppDeps } from '../deps.js';
import { notify } from '../notifications/notify.js';
import type { Tx, WriteMeta } from '../ports.js';
import { must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { actionOwnerOf, cadenceOwnersOf, type EscalationScope } from './escalation-scope.js';
import { ownerWorkday } from './owner-workday.js';
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

/** What raising found: raised (the new escalation), or why not. */
export type RaiseOutcome =
  | { readonly kind: 'raised'; readonly escalation: Escalation }
  | { readonly kind: 'in_spell' | 'open' | 'unowned' | 'off' };

/**
 * Raises the escalation of a condition unless its spell is already open (raised before, perhaps resolved
 * since) or an escalation of it is still open: as the trigger's system actor, through the one write path,
 * its deadline on the owner's calendar and zone; the owner and the cadence owners are told. Opening the
 * spell is one upsert, and the database holds one open escalation per condition, so of two instances
 * raising at once one does.
 */
export async function raiseEscalation(
  deps: AppDeps,
  tx: Tx,
  scope: EscalationScope,
  condition: Condition,
  now: Date,
  openKeys: ReadonlySet<string>,
): Promise<RaiseOutcome> {
  const trigger = scope.triggers.find((t) => t.kind === condition.kind);
  if (!trigger?.isEnabled) return { kind: 'off' };
  must(permit(systemAccess(scope.program), 'escalation.raise'));
  const ownerId = actionOwnerOf(scope, trigger);
  if (!ownerId) return { kind: 'unowned' };
  const at = now.toISOString();
  if ((await tx.openSpell(spellSubject(scope.program.id, condition.conditionKey), at)) === null) return { kind: 'in_spell' };
  if (openKeys.has(condition.conditionKey)) return { kind: 'open' };
  const key = await tx.nextKey(scope.program.id, 'X');
  const deadline = responseDeadline(now, trigger.window, ownerWorkday(scope.program, scope.users.get(ownerId)));
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
  await insertRecord(deps, tx, { entity: 'escalation', id, programId: scope.program.id, entityKey: key, meta }, values);
  await tellOf(deps, tx, scope, escalation, 'escalation_raised', at);
  return { kind: 'raised', escalation };
}

/**
 * An escalation past its deadline, neither acknowledged nor resolved: one level up the charter's path with
 * a new deadline on the new owner's calendar (told, with the cadence owners), or expired where it stays.
 */
export async function expireOne(
  deps: AppDeps,
  tx: Tx,
  scope: EscalationScope,
  e: Escalation,
  now: Date,
): Promise<'climbed' | 'expired' | 'stale'> {
  must(permit(systemAccess(scope.program), 'escalation.raise'));
  const trigger = scope.triggers.find((t) => t.kind === e.triggerKind);
  const expiry = expiryOf(e, scope.path, trigger?.climbs ?? true);
  const at = now.toISOString();
  const deadline =
    expiry.kind === 'climb' && trigger
      ? responseDeadline(now, trigger.window, ownerWorkday(scope.program, scope.users.get(expiry.to)))
      : null;
  const { next, changes } = expireEscalation(e, expiry, deadline?.toISOString() ?? null);
  const reason =
    expiry.kind === 'climb'
      ? `Not acknowledged by its deadline: climbed to level ${expiry.level} of the escalation path.`
      : 'Not acknowledged by its deadline; no level left to climb to.';
  const saved = await tx.write({
    op: 'update',
    entity: 'escalation',
    id: e.id,
    programId: scope.program.id,
    entityKey: e.key,
    expectedVersion: e.version,
    set:
      expiry.kind === 'climb'
        ? { status: next.status, ownerId: next.ownerId, level: next.level, deadlineAt: next.deadlineAt }
        : { status: next.status },
    changes,
    meta: systemMeta(deps, e.triggerKind, at, reason),
  });
  // Someone acknowledged or resolved it meanwhile: theirs stands, the next sweep looks again.
  if (!saved) return 'stale';
  if (expiry.kind === 'climb') await tellOf(deps, tx, scope, { ...next, version: e.version + 1 }, 'escalation_climbed', at);
  return expiry.kind === 'climb' ? 'climbed' : 'expired';
}

function tellOf(
  deps: AppDeps,
  tx: Tx,
  scope: EscalationScope,
  e: Escalation,
  kind: 'escalation_raised' | 'escalation_climbed',
  at: string,
): Promise<number> {
  const recipients: UserId[] = [e.ownerId, ...cadenceOwnersOf(scope)];
  return notify(deps, tx, { actorId: null, at }, [
    {
      kind,
      programId: scope.program.id,
      recipients,
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
    },
  ]);
}
