import { type Action, type ActionSeverity, isActionOverdue, openAction } from '../../domain/action.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { permit } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import { endRisk } from '../../domain/risk.js';
import type { AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import type { User } from '../ports.js';
import { must } from '../transact.js';
import { programToday } from '../views.js';
import { loadRiskView, type RiskView } from './risk-views.js';
import { type RiskEditContext, type RiskTarget, writeRiskEdit } from './risk-write.js';

export interface RealizeRiskInput extends RiskTarget {
  /** What happened: required; also the opened action's description. */
  readonly reason: string | undefined;
  readonly action?:
    | {
        /** Default: "Respond to: <risk title>". */
        readonly title?: string | undefined;
        /** Default: the risk's owner. A person holding a role on the program. */
        readonly ownerId?: string | undefined;
        /** Default: the program's today: a risk that happened is answered at once (move the date if it takes longer). */
        readonly dueDate?: PlainDate | null | undefined;
        /** Default: high. */
        readonly severity?: ActionSeverity | undefined;
      }
    | undefined;
}

export interface ResponseActionView {
  readonly action: Action;
  readonly owner: User | null;
  readonly isOverdue: boolean;
}

export interface RealizedRisk {
  readonly risk: RiskView;
  /** The action opened to respond, linked to the risk (riskId). */
  readonly response: ResponseActionView;
}

/** The default title of the action a realized risk opens. */
export const responseTitle = (riskTitle: string) => `Respond to: ${riskTitle}`;

/**
 * Opens the action that responds to a realized risk, in the realizing transaction, with the same
 * actor, instant and reason. It is a write of its own (one correlation id per record written), linked
 * to the risk by its riskId.
 */
async function openResponse(deps: AppDeps, ctx: RiskEditContext, input: RealizeRiskInput): Promise<Action> {
  const { tx, program, access, risk, now } = ctx;
  must(permit(access, 'action.open'));
  const wanted = input.action ?? {};
  await checkOwner(tx, program, wanted.ownerId);
  const key = await tx.nextKey(program.id, 'A');
  const { next, changes } = must(
    openAction({
      id: deps.newId(),
      programId: program.id,
      key,
      title: wanted.title?.trim() || responseTitle(risk.title),
      description: input.reason ?? '',
      ownerId: (wanted.ownerId ?? risk.ownerId) as UserId | null,
      dueDate: wanted.dueDate ?? programToday(program, now),
      severity: wanted.severity ?? 'high',
      riskId: risk.id,
    }),
  );
  const { id, version: _v, ...values } = next;
  await tx.write({
    op: 'insert',
    entity: 'action',
    id,
    programId: program.id,
    entityKey: key,
    values,
    changes,
    meta: ctx.metaForAnother(),
  });
  return next;
}

/**
 * Marks an open risk realized (it happened) and opens an action linked to it, owned by the risk's
 * owner unless another is named, in one transaction: both or neither are written.
 */
export async function realizeRisk(deps: AppDeps, input: RealizeRiskInput): Promise<Result<RealizedRisk>> {
  const committed = await writeRiskEdit(
    deps,
    input,
    'risk.end',
    input.reason,
    async ({ risk }) => endRisk(risk, 'realized', input.reason),
    (ctx) => openResponse(deps, ctx, input),
  );
  if (!committed.ok) return committed;
  // The answer is read after commit, from what was committed.
  const { program, record, now, extra: action } = committed.value;
  const owner = action.ownerId ? await deps.store.reads.findUser(action.ownerId) : null;
  const isOverdue = isActionOverdue(action, programToday(program, now));
  return ok({ risk: await loadRiskView(deps.store.reads, program, record, now), response: { action, owner, isOverdue } });
}
