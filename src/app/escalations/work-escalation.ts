import type { Edit } from '../../domain/edit.js';
import {
  acknowledgeEscalation as acknowledge,
  type Escalation,
  escalationLimits,
  reassignEscalation as reassign,
  resolveEscalation as resolve,
} from '../../domain/escalations/escalation.js';
import type { UserId } from '../../domain/ids.js';
import { permit } from '../../domain/policy.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AccessibleProgram, findAccessibleProgram } from '../get-program.js';
import { notify } from '../notifications/notify.js';
import type { Tx } from '../ports.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { programWrite, type WriteContext } from '../write-sequence.js';
import { type EscalationView, escalationViews } from './escalation-view.js';

export interface EscalationTarget {
  readonly programId: string;
  /** Key or id. */
  readonly escalationId: string;
  /** The version the caller read; a stale one is refused (VERSION_CONFLICT). */
  readonly version: number;
  readonly actor: Actor;
}

type Loaded = AccessibleProgram & WriteContext & { readonly escalation: Escalation };

/**
 * One person's step on an escalation, in the one write sequence: the program they see, the escalation by
 * key, the permission (for escalation.respond "own" means its current action owner; the charter's decision
 * owner counts as one too), the domain's edit at the version read, and the answer read after commit.
 */
async function workEscalation(
  deps: AppDeps,
  t: EscalationTarget,
  permission: 'escalation.respond' | 'escalation.reassign',
  reason: string | null | undefined,
  decide: (ctx: Loaded) => Promise<Result<Edit<Escalation>>>,
): Promise<Result<EscalationView>> {
  const written = await programWrite(deps, { programId: t.programId, actor: t.actor, permission: 'program.read', reason }, async (ctx) => {
    const escalation =
      (await ctx.tx.findEscalation(ctx.program.id, t.escalationId.trim())) ??
      abort({ code: 'ESCALATION_NOT_FOUND', message: `${ctx.program.code} has no escalation "${t.escalationId}".` });
    const charter = await ctx.tx.findCharter(ctx.program.id);
    const isDecisionOwner = charter?.charter.decisionOwnerId === t.actor.id;
    must(permit(ctx.access, permission, { ownerId: isDecisionOwner ? t.actor.id : escalation.ownerId }, t.actor.id));
    if (t.version !== escalation.version)
      abort({ code: 'VERSION_CONFLICT', message: `${escalation.key} was changed by someone else; reload and retry.` });
    const { next } = must(await decide({ ...ctx, escalation }));
    const set = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== escalation[k as keyof Escalation] && k !== 'version'));
    await updateRecord(
      deps,
      ctx.tx,
      { entity: 'escalation', id: escalation.id, programId: ctx.program.id, entityKey: escalation.key, meta: ctx.meta },
      escalation,
      set,
    );
    return escalation.id;
  });
  if (!written.ok) return written;
  const now = deps.clock.now();
  const reads = deps.store.reads;
  const found = await findViewable(deps, t);
  const [view] = await escalationViews(reads, found.escalation ? [found.escalation] : [], new Map([[found.programId, found.code]]), now);
  return ok(view as EscalationView);
}

async function findViewable(deps: AppDeps, t: EscalationTarget) {
  const found = await findAccessibleProgram(deps.store.reads, t.actor, t.programId);
  if (!found.ok) throw new Error('the program was just written');
  const p = found.value;
  return {
    programId: p.program.id as string,
    code: p.program.code,
    escalation: await deps.store.reads.findEscalation(p.program.id, t.escalationId.trim()),
  };
}

/** The action owner (or the cadence owner, or the charter's decision owner) has seen it and is on it: it no longer climbs. */
export function acknowledgeEscalation(deps: AppDeps, t: EscalationTarget): Promise<Result<EscalationView>> {
  return workEscalation(deps, t, 'escalation.respond', null, async ({ escalation, now }) => acknowledge(escalation, now.toISOString()));
}

export interface ResolveEscalationInput extends EscalationTarget {
  readonly outcome: string;
  /** A decision of the program (key or id) that settled it. */
  readonly decisionId?: string | null | undefined;
  /** An action of the program (key or id) that settles it. */
  readonly actionId?: string | null | undefined;
}

async function linkedId(
  tx: Tx,
  ctx: AccessibleProgram,
  kind: 'decision' | 'action',
  ref: string | null | undefined,
): Promise<string | null> {
  if (ref === undefined || ref === null || ref.trim() === '') return null;
  const found = kind === 'decision' ? await tx.findDecision(ctx.program.id, ref.trim()) : await tx.findAction(ctx.program.id, ref.trim());
  return (
    found?.id ??
    abort({
      code: 'LINK_TARGET_NOT_FOUND',
      message: `No ${kind} "${ref}" in ${ctx.program.code}.`,
      fields: [{ path: `${kind}Id`, message: `Not a ${kind} of this program.` }],
    })
  );
}

/** Resolved with an outcome in words, optionally the program's decision or action that settled it. */
export function resolveEscalation(deps: AppDeps, input: ResolveEscalationInput): Promise<Result<EscalationView>> {
  return workEscalation(deps, input, 'escalation.respond', null, async (ctx) => {
    const decisionId = await linkedId(ctx.tx, ctx, 'decision', input.decisionId);
    const actionId = await linkedId(ctx.tx, ctx, 'action', input.actionId);
    return resolve(ctx.escalation, { outcome: input.outcome, decisionId, actionId }, ctx.now.toISOString());
  });
}

export interface ReassignEscalationInput extends EscalationTarget {
  /** The new action owner: a person who holds a role on the program. */
  readonly ownerId: string;
  readonly reason: string;
}

/** The cadence owner hands an open escalation to another person of the program, with a reason; its level and deadline stay. */
export function reassignEscalation(deps: AppDeps, input: ReassignEscalationInput): Promise<Result<EscalationView>> {
  const reason = input.reason.trim();
  if (reason === '')
    return Promise.resolve(refuse('REASON_REQUIRED', 'Say why the escalation is handed over.', [{ path: 'reason', message: 'Required.' }]));
  if (reason.length > escalationLimits.reason)
    return Promise.resolve(
      refuse('VALIDATION_FAILED', 'The reason is too long.', [
        { path: 'reason', message: `At most ${escalationLimits.reason} characters.` },
      ]),
    );
  return workEscalation(deps, input, 'escalation.reassign', reason, async (ctx) => {
    const to = input.ownerId.trim();
    const memberships = await ctx.tx.listMembershipsOn(ctx.program);
    const users = await ctx.tx.findUsers([to]);
    if (!memberships.some((m) => m.userId === to) || users[0]?.status === 'removed' || users.length === 0)
      abort({
        code: 'USER_NOT_FOUND',
        message: `"${to}" holds no role on ${ctx.program.code}.`,
        fields: [{ path: 'ownerId', message: 'Not a person of this program.' }],
      });
    const edit = reassign(ctx.escalation, to as UserId);
    // The new action owner is told as an owner is when it is raised to them (in-app and by e-mail); the cadence
    // owner who handed it over is not told of their own change.
    if (edit.ok) {
      const e = ctx.escalation;
      await notify(deps, ctx.tx, { actorId: ctx.meta.actorId, at: ctx.meta.at }, [
        {
          kind: 'escalation_raised',
          programId: ctx.program.id,
          recipients: [to as UserId],
          facts: {
            programCode: ctx.program.code,
            escalationKey: e.key,
            triggerKind: e.triggerKind,
            subjectTitle: e.subjectTitle,
            severity: e.severity,
            ownerName: users[0]?.name ?? to,
            deadlineAt: e.deadlineAt,
            level: e.level,
          },
        },
      ]);
    }
    return edit;
  });
}
