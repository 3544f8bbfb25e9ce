import type { ChangeEntryView } from '../app/list-change-log.js';
import type { ChangeView } from '../app/list-changes.js';
import type { SavedMilestoneView } from '../app/milestone-write.js';
import type { MeView } from '../app/people/get-me.js';
import type { MembershipView } from '../app/people/membership-views.js';
import type { MilestoneLinkView } from '../app/plan/milestone-link-view.js';
import type { PushView } from '../app/plan/schedule.js';
import type { ApiTokenRecord, User } from '../app/ports.js';
import type { MilestoneView, ProgramView } from '../app/views.js';
import type { Me } from '../contract/auth.js';
import type { Change, ChangeEntry } from '../contract/change.js';
import type { PersonRef } from '../contract/common.js';
import type { Milestone } from '../contract/milestone.js';
import type { MilestoneLink } from '../contract/plan.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Warning } from '../domain/past-date.js';

/*
 * App views mapped to the API's JSON shapes (src/contract). Shared by the two edges that speak
 * them, http/ and cli/ (--json), which may not import each other; contract/ stays schemas only.
 */
export const personRef = (u: User | null): PersonRef | null => (u ? { id: u.id, name: u.name, email: u.email } : null);

export function milestoneJson(v: MilestoneView): Milestone {
  const m = v.milestone;
  return {
    id: m.id,
    programId: m.programId,
    key: m.key,
    name: m.name,
    phase: m.phase,
    owner: personRef(v.owner),
    baselineDate: m.baselineDate,
    forecastDate: m.forecastDate,
    actualDate: m.actualDate,
    isCritical: m.isCritical,
    toleranceDays: m.toleranceDays,
    health: v.health,
    healthReason: v.healthReason,
    blockedBy: v.blockedBy.map((a) => ({ id: a.id, key: a.key, title: a.title, dueDate: a.dueDate, status: a.status })),
    varianceDays: v.varianceDays,
    dueInBusinessDays: v.dueInBusinessDays,
    version: m.version,
  };
}

/** A moved or completed milestone; `pushed` appears only when the change pushed successors, so answers without pushes stay as they were. */
export const savedMilestoneJson = (v: MilestoneView & Partial<Pick<SavedMilestoneView, 'pushed'>>): Milestone =>
  // A refusal's `current` is a plain milestone view: it pushed nothing.
  v.pushed === undefined || v.pushed.length === 0 ? milestoneJson(v) : { ...milestoneJson(v), pushed: v.pushed.map(pushedJson) };

/** A move preview as the API answers it: the pushes, and warnings only when there are some. */
export const movePreviewJson = (v: { readonly pushes: readonly PushView[]; readonly warnings: readonly Warning[] }) => ({
  pushes: v.pushes.map(pushJson),
  ...(v.warnings.length > 0 ? { warnings: [...v.warnings] } : {}),
});

/** A push as a saved change reports it: which milestone moved, from → to. */
export const pushedJson = (p: PushView) => ({ id: p.id, key: p.key, from: p.from, to: p.to });

export const pushJson = (p: PushView) => ({
  id: p.id,
  key: p.key,
  name: p.name,
  from: p.from,
  to: p.to,
  version: p.version,
  cause: { id: p.cause.id, key: p.cause.key },
  provisional: p.provisional,
});

export const milestoneLinkJson = (v: MilestoneLinkView): MilestoneLink => ({
  id: v.link.id,
  programId: v.link.programId,
  predecessor: v.predecessor,
  successor: v.successor,
  lagDays: v.link.lagDays,
  version: v.link.version,
});

export function programJson(v: ProgramView): ProgramSummary {
  const p = v.program;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    product: p.product,
    client: { id: v.client.id, name: v.client.name, country: v.client.country },
    supplier: { name: p.supplierName, city: p.factoryCity, country: p.factoryCountry, factoryId: p.factoryId },
    archivedAt: p.archivedAt,
    timeZone: p.timeZone,
    status: p.status,
    currentPhase: v.currentPhase,
    health: v.health,
    healthReason: v.healthReason,
    healthMilestone: v.healthMilestone ? { id: v.healthMilestone.id, key: v.healthMilestone.key, name: v.healthMilestone.name } : null,
    nextMilestone: v.nextMilestone
      ? {
          id: v.nextMilestone.id,
          key: v.nextMilestone.key,
          name: v.nextMilestone.name,
          forecastDate: v.nextMilestone.forecastDate,
          owner: personRef(v.nextMilestoneOwner),
        }
      : null,
    owner: personRef(v.owner),
    milestoneCount: v.milestoneCount,
    openDecisions: v.openDecisions,
    highRisks: v.highRisks,
    blockers: v.blockers,
    openEscalations: v.openEscalations,
    overdueEscalations: v.overdueEscalations,
    doneCount: v.doneCount,
    toleranceDays: p.toleranceDays,
    targetReleaseDate: p.targetReleaseDate,
    myRoles: [...v.roles],
    can: { ...v.can },
    today: v.today,
    todayIsWorkingDay: v.todayIsWorkingDay,
    version: p.version,
  };
}

export function changeJson(v: ChangeView): Change {
  const c = v.change;
  return {
    id: c.id,
    at: c.at,
    actor: personRef(v.actor) ?? { id: c.actorId, name: '(unknown)', email: '' },
    entity: c.entity,
    entityId: c.entityId,
    entityKey: c.entityKey,
    field: c.field,
    oldValue: c.oldValue,
    newValue: c.newValue,
    reason: c.reason,
    correlationId: c.correlationId,
  };
}

export const changeEntryJson = (v: ChangeEntryView): ChangeEntry => ({
  id: v.id,
  at: v.at,
  by: personRef(v.actor) ?? { id: v.actorId, name: '(unknown)', email: '' },
  reason: v.reason,
  correlationId: v.correlationId,
  kind: v.kind,
  record: v.record,
  fields: v.fields.map((f) => ({ ...f })),
});

export const membershipJson = (v: MembershipView) => ({
  id: v.membership.id,
  role: v.membership.role,
  clientId: v.membership.clientId,
  clientName: v.clientName,
  programId: v.membership.programId,
  programCode: v.programCode,
});

export const apiTokenJson = (t: ApiTokenRecord) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
  lastUsedAt: t.lastUsedAt,
});

/**
 * The signed-in person as GET /me answers it; a browser session's CSRF token goes with it, and
 * `via` says whether the caller came with one (else an API token, or the CLI on the database).
 */
export function meJson(me: MeView, session: { readonly csrfToken: string } | undefined): Me {
  const u = me.user;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    timeZone: u.timeZone,
    locale: u.locale,
    isAdmin: u.isAdmin,
    hasLeadershipMail: u.hasLeadershipMail,
    memberships: me.memberships.map(membershipJson),
    version: u.version,
    csrfToken: session?.csrfToken ?? null,
    via: session ? 'session' : 'token',
  };
}

export const personJson = (u: User, memberships: readonly MembershipView[]) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  isAdmin: u.isAdmin,
  memberships: memberships.map(membershipJson),
});
