import type { ClientId, ProgramId, UserId } from './ids.js';
import { ok, type Result, refuse } from './result.js';
import { type Principal, type Role, rolesOn } from './roles.js';

/** Everything a person may try to do on a program. New capabilities add rows here, nowhere else. */
export const programActions = [
  'program.read',
  'program.edit',
  'milestone.create',
  'milestone.edit',
  'milestone.move',
  'milestone.complete',
  'milestone.link',
  'plan.edit',
  'plan.baseline',
  'calendar.edit',
  'charter.edit',
  'gate.edit',
  'gate.work',
  'gate.decide',
  'decision.request',
  'decision.edit',
  'decision.decide',
  'risk.raise',
  'risk.update',
  'risk.end',
  'action.open',
  'action.edit',
  'action.done',
  'action.confirm',
  'action.check',
  'event.report',
  'trigger.edit',
  'escalation.respond',
  'escalation.reassign',
  'escalation.raise',
  'report.issue',
] as const;
export type ProgramAction = (typeof programActions)[number];

/** yes: always; own: only items the person owns; no: never. */
export type Grant = 'yes' | 'own' | 'no';

/**
 * The one authorization table (PRODUCT.md, "The people"): the cadence owner runs the plan;
 * quality owners and contributors update the milestones they own; decision owners and observers read.
 */
export const policy: Readonly<Record<ProgramAction, Readonly<Record<Role, Grant>>>> = {
  'program.read': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'yes' },
  // Name, product, factory (while a draft) and archiving: the program's set-up is the cadence owner's.
  'program.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  'milestone.create': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  'milestone.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  'milestone.move': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'no' },
  'milestone.complete': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'no' },
  // Dependencies shape the whole plan (a move pushes every successor), so only the cadence owner links.
  'milestone.link': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // Tolerance and target release set what counts as a breach and how much buffer is left: the cadence owner's.
  'plan.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // The cadence owner takes baselines; a re-baseline also needs a decision decided by a decision owner.
  'plan.baseline': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // The calendar decides every business-day count of the program, so only the cadence owner edits it.
  'calendar.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // The kickoff charter (decision owner, escalation path, success per gate, weekly report, leadership
  // review) is how the program is run: the cadence owner writes it before activation.
  'charter.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // A gate's owner, gatekeepers and review milestone, and its items' owners and due dates: the cadence owner's.
  'gate.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // Evidence: attach, submit, accept, reject, waive, reopen. Who may take each step on an item (its owner
  // submits; the gate owner or a quality owner reviews; a waiver links a decided decision) is the gate
  // rules' (domain/gates/checklist-item.ts); observers never work a gate.
  'gate.work': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'no' },
  // Recommend and decide at a gate's review: gatekeepers recommend, the decider the template names (the
  // decision owner, or the gate owner) records the outcome (domain/gates/decide-gate.ts).
  'gate.decide': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'no', observer: 'no' },
  // Anyone working on the program may ask for a decision; only its named owner decides (a contributor never).
  'decision.request': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'no' },
  'decision.edit': { decision_owner: 'own', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  'decision.decide': { decision_owner: 'own', cadence_owner: 'own', quality_owner: 'own', contributor: 'no', observer: 'no' },
  'risk.raise': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'no' },
  'risk.update': { decision_owner: 'own', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'no' },
  'risk.end': { decision_owner: 'own', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'no' },
  'action.open': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'no' },
  'action.edit': { decision_owner: 'own', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'no' },
  // The owner marks done; the cadence owner confirms the closure or reopens it — or, when the cadence owner
  // marked it done themselves (two people, two steps: domain/action.ts), a decision owner or an admin does.
  'action.done': { decision_owner: 'own', cadence_owner: 'own', quality_owner: 'own', contributor: 'own', observer: 'no' },
  'action.confirm': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  'action.check': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'no', observer: 'no' },
  // Floor events (shipments, inspections, measurements) come from whoever works on the program, the CSV import too;
  // a shipment's arrival is recorded by anyone who reports. Observers read them.
  'event.report': { decision_owner: 'yes', cadence_owner: 'yes', quality_owner: 'yes', contributor: 'yes', observer: 'no' },
  // What fires an escalation, for whom and how fast is how the program is run: the cadence owner's.
  'trigger.edit': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // Acknowledge or resolve: the escalation's current action owner (whatever their role: leadership on the
  // escalation path may observe), the cadence owner, and the charter's decision owner (app/escalations/).
  'escalation.respond': { decision_owner: 'own', cadence_owner: 'yes', quality_owner: 'own', contributor: 'own', observer: 'own' },
  'escalation.reassign': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // Raising, expiring and climbing are Tollgate's own, done as the trigger's system actor (systemAccess), never a person's.
  'escalation.raise': { decision_owner: 'no', cadence_owner: 'no', quality_owner: 'no', contributor: 'no', observer: 'no' },
  // The weekly report is the cadence owner's: she writes its narrative and issues it; everyone who reads the
  // program reads its drafts and issued reports (program.read).
  'report.issue': { decision_owner: 'no', cadence_owner: 'yes', quality_owner: 'no', contributor: 'no', observer: 'no' },
};

/** What a workspace admin may do on every program without a role on it: read, and be the second person of a closure. */
const adminGrants: ReadonlySet<ProgramAction> = new Set(['program.read', 'action.confirm']);

/** Workspace-wide actions, held by workspace admins only. */
export const adminActions = ['people.manage', 'programs.manage', 'templates.manage'] as const;
export type AdminAction = (typeof adminActions)[number];

declare const authorized: unique symbol;
/** A program id the policy has let this person see; reads of a program's records demand one. */
export type AuthorizedProgramId = ProgramId & { readonly [authorized]: true };

/**
 * A program as someone who may see it has it: its id is the proof (AuthorizedProgramId), so code that
 * reads the program's records takes it without asking again. Made from a ProgramAccess (see
 * app/get-program.ts), never by a cast: only this module mints the proof.
 */
export type Authorized<P extends { readonly id: ProgramId }> = Omit<P, 'id'> & { readonly id: AuthorizedProgramId };

export interface ProgramAccess {
  readonly programId: AuthorizedProgramId;
  readonly roles: readonly Role[];
  readonly isAdmin: boolean;
  /** Tollgate acting as itself (a trigger's system actor): may read and raise escalations, nothing else. */
  readonly isSystem?: boolean | undefined;
}

/** What Tollgate's own actors may do on every program: read it and raise, expire and climb escalations. */
const systemGrants: ReadonlySet<ProgramAction> = new Set(['program.read', 'escalation.raise']);

/**
 * Access for Tollgate acting as itself on a program (a trigger's system actor, app/escalations/system-actor.ts):
 * the proof its reads need, granting only systemGrants through the same permit as people's writes.
 */
export function systemAccess(program: { readonly id: ProgramId }): ProgramAccess {
  return { programId: program.id as AuthorizedProgramId, roles: [], isAdmin: false, isSystem: true };
}

const roleNames: Record<Role, string> = {
  decision_owner: 'decision owner',
  cadence_owner: 'cadence owner',
  quality_owner: 'quality owner',
  contributor: 'contributor',
  observer: 'observer',
};

/** Whether a person sees a program at all: admins see every program, others those they hold a role on. */
export function canSee(p: Principal, program: { readonly id: ProgramId; readonly clientId: ClientId }): boolean {
  return p.isAdmin || rolesOn(p, program).length > 0;
}

/**
 * Grants access to a program for reading (program.read), or refuses as not found so that a program's
 * existence is not revealed to people outside it.
 */
export function accessProgram(
  p: Principal,
  program: { readonly id: ProgramId; readonly clientId: ClientId; readonly code: string },
): Result<ProgramAccess> {
  if (!canSee(p, program)) return refuse('PROGRAM_NOT_FOUND', `No program "${program.code}".`);
  return ok({ programId: program.id as AuthorizedProgramId, roles: rolesOn(p, program), isAdmin: p.isAdmin });
}

/** The grant the person's best role gives for an action. */
export function grantFor(access: ProgramAccess, action: ProgramAction): Grant {
  // Admins see every program (accessProgram), so `can` must not tell them they may not read it.
  if (access.isAdmin && adminGrants.has(action)) return 'yes';
  if (access.isSystem) return systemGrants.has(action) ? 'yes' : 'no';
  let best: Grant = 'no';
  for (const r of access.roles) {
    const g = policy[action][r];
    if (g === 'yes') return 'yes';
    if (g === 'own') best = 'own';
  }
  return best;
}

/** Refuses with FORBIDDEN, naming the permission and who holds it, unless the action is allowed. */
export function permit(
  access: ProgramAccess,
  action: ProgramAction,
  item?: { readonly ownerId: UserId | null },
  actorId?: UserId,
): Result<true> {
  const g = grantFor(access, action);
  if (g === 'yes' || (g === 'own' && item !== undefined && item.ownerId !== null && item.ownerId === actorId)) return ok(true);
  const holders = Object.entries(policy[action])
    .filter(([, grant]) => grant !== 'no')
    .map(([role, grant]) => `${roleNames[role as Role]}${grant === 'own' ? ' (own items)' : ''}`)
    .join(', ');
  const why = g === 'own' ? 'You may do this only on items you own.' : `It needs one of: ${holders}.`;
  return refuse('FORBIDDEN', `You lack the permission ${action}. ${why}`, undefined);
}

/** Workspace admin actions (inviting people, assigning roles). */
/** Who may add suppliers and their factories: workspace admins and anyone who runs a program's cadence. */
export function permitSupplierSetup(p: Principal): Result<true> {
  if (p.isAdmin || p.memberships.some((m) => m.role === 'cadence_owner')) return ok(true);
  return refuse('FORBIDDEN', 'You lack the permission to add suppliers and factories. It needs a workspace admin or a cadence owner.');
}

/** Who may create a program for a client: workspace admins and the cadence owners of the client (a role on the client). */
export function permitProgramCreation(p: Principal, clientId: ClientId): Result<true> {
  if (p.isAdmin || p.memberships.some((m) => m.role === 'cadence_owner' && m.clientId === clientId)) return ok(true);
  return refuse(
    'FORBIDDEN',
    "You lack the permission to create programs for this client. It needs a workspace admin or a cadence owner on the client's programs (a role on the client).",
  );
}

/** The program a person is creating (permitProgramCreation), theirs to read while they make its parts. */
export function programBeingCreated(
  p: Principal,
  program: { readonly id: ProgramId; readonly clientId: ClientId },
): Result<AuthorizedProgramId> {
  const allowed = permitProgramCreation(p, program.clientId);
  return allowed.ok ? ok(program.id as AuthorizedProgramId) : allowed;
}

/**
 * Who may submit a program through intake while signed in: workspace admins and anyone holding a role on
 * the client (its people; a role on one program only does not speak for the client).
 */
export function permitIntake(p: Principal, clientId: ClientId): Result<true> {
  if (p.isAdmin || p.memberships.some((m) => m.clientId === clientId)) return ok(true);
  return refuse('FORBIDDEN', "You lack the permission to submit programs for this client. It needs a role on the client's programs.");
}

/**
 * What an intake (a link's secret, or a client user's permitIntake) entitles its submitter to: make one
 * draft program for that client and record its known risks, as the client's cadence owner would. The
 * principal lives for the one submission (app/intake/submit-intake.ts) and is never stored.
 */
export function intakeGrant(p: Principal, clientId: ClientId): Principal {
  const grant = { id: `intake:${clientId}`, userId: p.id, clientId, programId: null, role: 'cadence_owner' as const, version: 0 };
  return { ...p, memberships: [...p.memberships, grant] };
}

export function permitAdmin(p: Principal, action: AdminAction): Result<true> {
  return p.isAdmin ? ok(true) : refuse('FORBIDDEN', `You lack the permission ${action}. It needs a workspace admin.`);
}
