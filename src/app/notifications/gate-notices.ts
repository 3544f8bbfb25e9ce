import type { ChecklistItem, ReadinessItem } from '../../domain/gates/checklist-item.js';
import { type GateReadiness, gateReadiness } from '../../domain/gates/gate-readiness.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { GateRecord, Tx } from '../ports.js';
import { programCalendar, programToday } from '../views.js';
import { type NoticeContext, notify } from './notify.js';

/** The subject of a gate's at-risk spells (notice_spells). */
export const riskSubject = (gateId: string) => `gate_at_risk:${gateId}`;

/**
 * A gate's status moved: its owner, its gatekeepers and the program's cadence owners are told (the
 * one who moved it aside).
 */
export async function noticeGateStatus(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
  tx: Tx,
  ctx: NoticeContext,
  program: AuthorizedProgram,
  before: GateRecord,
  after: GateRecord,
  cadenceOwnerIds: readonly UserId[],
): Promise<void> {
  if (before.status === after.status) return;
  await notify(deps, tx, ctx, [
    {
      kind: 'gate_status_changed',
      programId: program.id,
      recipients: [after.ownerId, ...after.gatekeeperIds, ...cadenceOwnerIds],
      facts: { programCode: program.code, gateKey: after.key, gateName: after.name, fromStatus: before.status, toStatus: after.status },
    },
  ]);
}

/**
 * An item's evidence moved: submitted evidence awaits the gate owner and the quality owners (whoever
 * may accept it); rejected evidence is told to the item's owner with the comment.
 */
export async function noticeItemStep(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
  tx: Tx,
  ctx: NoticeContext,
  program: AuthorizedProgram,
  gate: GateRecord,
  before: ChecklistItem,
  after: ChecklistItem,
  qualityOwnerIds: readonly UserId[],
): Promise<void> {
  if (before.state === after.state) return;
  const base = { programCode: program.code, gateKey: gate.key, itemKey: after.key, itemTitle: after.title };
  if (after.state === 'submitted') {
    await notify(deps, tx, ctx, [
      { kind: 'evidence_awaits_review', programId: program.id, recipients: [gate.ownerId, ...qualityOwnerIds], facts: base },
    ]);
  } else if (after.state === 'rejected') {
    await notify(deps, tx, ctx, [
      {
        kind: 'evidence_rejected',
        programId: program.id,
        recipients: [after.ownerId],
        facts: { ...base, comment: after.reviewComment ?? '' },
      },
    ]);
  }
}

/** A gate with the date of its planned review (its review milestone's actual, else forecast date), as readiness reads it. */
export interface WatchedGate {
  readonly gate: GateRecord;
  readonly plannedReviewDate: PlainDate | null;
  /** The gate's items (only the required ones not satisfied matter). */
  readonly items: readonly ReadinessItem[];
}

/** The gate's readiness on the program's today. */
export function readinessOf(program: AuthorizedProgram, watched: WatchedGate, now: Date): GateReadiness {
  const { gate } = watched;
  return gateReadiness(
    { key: gate.key, status: gate.status, warningDays: gate.warningDays, plannedReviewDate: watched.plannedReviewDate },
    watched.items,
    programToday(program, now),
    programCalendar(program),
  );
}

/**
 * A gate found at risk: unless a spell of it is open, one opens and the gate's owner and the owners of
 * the items not on course are told once. Opening a spell is one upsert, so of two instances that find it
 * at the same moment one opens it; the notice's key (unique per person) names the gate and the program's
 * day, so a gate that goes on and off course within a day (items accepted one by one) tells once that day.
 */
export async function noticeAtRisk(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
  tx: Tx,
  ctx: NoticeContext,
  program: AuthorizedProgram,
  watched: WatchedGate,
  r: GateReadiness,
): Promise<void> {
  const { gate } = watched;
  const subject = riskSubject(gate.id);
  const spell = await tx.openSpell(subject, ctx.at);
  if (spell === null) return;
  await notify(deps, tx, ctx, [
    {
      kind: 'gate_at_risk',
      programId: program.id,
      recipients: [gate.ownerId, ...r.items.map((i) => i.ownerId)],
      dedupeKey: `${subject}:${programToday(program, new Date(ctx.at))}`,
      facts: {
        programCode: program.code,
        gateKey: gate.key,
        gateName: gate.name,
        plannedReviewDate: watched.plannedReviewDate,
        items: r.items.map((i) => ({ key: i.key, title: i.title })),
        moreItems: 0,
      },
    },
  ]);
}

/** Watches a gate after a write: at risk, told once per spell (noticeAtRisk); otherwise its spell ends. */
export async function watchGateRisk(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
  tx: Tx,
  ctx: NoticeContext,
  program: AuthorizedProgram,
  watched: WatchedGate,
  now: Date,
): Promise<void> {
  const r = readinessOf(program, watched, now);
  if (r.level === 'at_risk') await noticeAtRisk(deps, tx, ctx, program, watched, r);
  else await tx.closeSpells([riskSubject(watched.gate.id)], ctx.at);
}
