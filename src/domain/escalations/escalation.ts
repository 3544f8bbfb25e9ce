import { diffFields } from '../change.js';
import type { Edit } from '../edit.js';
import type { UserId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import type { Severity, TriggerKind } from './triggers.js';

/**
 * open (with its action owner, level 0) → acknowledged → resolved (with an outcome); or, past its deadline
 * neither acknowledged nor resolved: escalated (open again, one level up the charter's escalation path, a
 * new owner and deadline), and expired when there is no level left to climb to (or the trigger does not
 * climb): it stays expired, at its level, until someone resolves it. Every status but resolved is open:
 * one such escalation per condition and program (the database's partial unique index).
 */
export const escalationStatuses = ['open', 'acknowledged', 'escalated', 'expired', 'resolved'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];
export const openEscalationStatuses: readonly EscalationStatus[] = ['open', 'acknowledged', 'escalated', 'expired'];
export const isEscalationOpen = (s: EscalationStatus): boolean => s !== 'resolved';

/** What fired: the kind of record (or floor event) and its key or id, with the web path it is seen at. */
export interface EscalationSubject {
  readonly kind: 'milestone' | 'action' | 'decision' | 'risk' | 'gate' | 'event';
  /** The record's key (M-12, G2) or the event's id. */
  readonly ref: string;
  /** What it is about, in words (the milestone's name, the rule broken). */
  readonly title: string;
  readonly link: string;
}

export interface Escalation {
  readonly id: string;
  readonly programId: string;
  /** the program's human key. */
  readonly key: string;
  readonly triggerKind: TriggerKind;
  /** `missed_milestone:M-12`: what the database keeps one open escalation of per program. */
  readonly conditionKey: string;
  readonly subjectKind: EscalationSubject['kind'];
  readonly subjectRef: string;
  readonly subjectTitle: string;
  readonly subjectLink: string;
  readonly severity: Severity;
  readonly ownerId: UserId;
  /** 0: the trigger's action owner; n: the n-th person of the escalation path. */
  readonly level: number;
  readonly raisedAt: string;
  readonly deadlineAt: string;
  readonly status: EscalationStatus;
  readonly outcome: string | null;
  readonly decisionId: string | null;
  readonly actionId: string | null;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly version: number;
}

export const escalationFields = [
  'key',
  'triggerKind',
  'conditionKey',
  'subjectKind',
  'subjectRef',
  'subjectTitle',
  'subjectLink',
  'severity',
  'ownerId',
  'level',
  'raisedAt',
  'deadlineAt',
  'status',
  'outcome',
  'decisionId',
  'actionId',
  'acknowledgedAt',
  'resolvedAt',
] as const satisfies readonly (keyof Escalation)[];

/** Bounds of what people write on an escalation. */
export const escalationLimits = { outcome: 2000, reason: 500, subjectTitle: 200 } as const;

/** The stable key of a condition: one open escalation per program and key. */
export const conditionKey = (kind: TriggerKind, subjectRef: string): string => `${kind}:${subjectRef}`;

const edit = (e: Escalation, set: Partial<Escalation>): Edit<Escalation> => {
  const next = { ...e, ...set };
  return { next, changes: diffFields(e, next, Object.keys(set) as (keyof Escalation & string)[]) };
};

/** Whether the escalation is past its deadline and still waits for its owner (not acknowledged, not resolved). */
export const isOverdue = (e: Pick<Escalation, 'status' | 'deadlineAt'>, now: Date): boolean =>
  e.status === 'expired' || ((e.status === 'open' || e.status === 'escalated') && e.deadlineAt <= now.toISOString());

/** Its owner (or whoever may act for them) has seen it and is on it: it no longer climbs. */
export function acknowledgeEscalation(e: Escalation, at: string): Result<Edit<Escalation>> {
  if (e.status === 'resolved') return refuse('ESCALATION_CLOSED', `${e.key} is resolved.`);
  if (e.status === 'acknowledged') return refuse('NOTHING_TO_CHANGE', `${e.key} is already acknowledged.`);
  return ok(edit(e, { status: 'acknowledged', acknowledgedAt: at }));
}

/** Resolving takes an outcome in words, optionally the decision or action that settled it (checked by the caller to be the program's). */
export function resolveEscalation(
  e: Escalation,
  r: { readonly outcome: string; readonly decisionId: string | null; readonly actionId: string | null },
  at: string,
): Result<Edit<Escalation>> {
  if (e.status === 'resolved') return refuse('ESCALATION_CLOSED', `${e.key} is already resolved.`);
  const outcome = r.outcome.trim();
  if (outcome === '')
    return refuse('OUTCOME_REQUIRED', 'Say how the escalation was resolved.', [{ path: 'outcome', message: 'Required.' }]);
  if (outcome.length > escalationLimits.outcome)
    return refuse('VALIDATION_FAILED', 'The outcome is too long.', [
      { path: 'outcome', message: `At most ${escalationLimits.outcome} characters.` },
    ]);
  return ok(
    edit(e, {
      status: 'resolved',
      outcome,
      decisionId: r.decisionId,
      actionId: r.actionId,
      resolvedAt: at,
      acknowledgedAt: e.acknowledgedAt ?? at,
    }),
  );
}

/** Hands an open escalation to another person, keeping its level and deadline; the reason goes to the change log. */
export function reassignEscalation(e: Escalation, to: UserId): Result<Edit<Escalation>> {
  if (e.status === 'resolved') return refuse('ESCALATION_CLOSED', `${e.key} is resolved.`);
  if (e.ownerId === to) return refuse('NOTHING_TO_CHANGE', `${e.key} is already theirs.`);
  return ok(edit(e, { ownerId: to }));
}

/** What an expiry does: climb to the next person with a new deadline, or stay expired at the top. */
export type Expiry = { readonly kind: 'climb'; readonly to: UserId; readonly level: number } | { readonly kind: 'stay' };

/**
 * Where an escalation past its deadline goes: to the next person of the escalation path above its level
 * (skipping its current owner), when the trigger climbs; otherwise (or at the end of the path) it stays, expired.
 */
export function expiryOf(e: Pick<Escalation, 'level' | 'ownerId'>, path: readonly UserId[], climbs: boolean): Expiry {
  if (!climbs) return { kind: 'stay' };
  for (let level = e.level + 1; level <= path.length; level++) {
    const to = path[level - 1] as UserId;
    if (to !== e.ownerId) return { kind: 'climb', to, level };
  }
  return { kind: 'stay' };
}

/** The edit an expiry makes: one level up with a new owner and deadline, or expired where it is. */
export function expireEscalation(e: Escalation, expiry: Expiry, deadlineAt: string | null): Edit<Escalation> {
  if (expiry.kind === 'stay') return edit(e, { status: 'expired' });
  return edit(e, { status: 'escalated', ownerId: expiry.to, level: expiry.level, deadlineAt: deadlineAt ?? e.deadlineAt });
}

/** Whether an escalation is due to expire now: still waiting for its owner past its deadline, not already expired. */
export const isDueToExpire = (e: Pick<Escalation, 'status' | 'deadlineAt'>, now: Date): boolean =>
  (e.status === 'open' || e.status === 'escalated') && e.deadlineAt <= now.toISOString();
