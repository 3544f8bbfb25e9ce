import type { Edit } from '../../domain/edit.js';
import {
  acceptEvidence,
  type ChecklistItem,
  rejectEvidence,
  reopenItem as reopen,
  submitEvidence,
  waiveItem as waive,
} from '../../domain/gates/checklist-item.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import { noticeItemStep } from '../notifications/gate-notices.js';
import { abort, must } from '../transact.js';
import type { WriteContext } from '../write-sequence.js';
import type { GateDetailView } from './gate-view.js';
import { checkVersion, findItem, followItems, type GateScope, type GateTarget, gateWrite, itemContext, writeItem } from './gate-write.js';

/** A checklist item of a gate, read at `version`. */
export interface ItemTarget extends GateTarget {
  readonly itemKey: string;
  readonly version: number;
}

type Step = (
  item: ChecklistItem,
  ctx: { readonly scope: GateScope; readonly program: AuthorizedProgram } & WriteContext,
) => Promise<Edit<ChecklistItem>> | Edit<ChecklistItem>;

/** One step of an item's evidence (the domain decides), then the gate's status follows; one transaction. */
function itemWrite(deps: AppDeps, target: ItemTarget, step: Step): Promise<Result<GateDetailView>> {
  return gateWrite(deps, target, 'gate.work', async (ctx) => {
    const { scope, tx, program, meta } = ctx;
    const item = findItem(scope, program, target.itemKey);
    checkVersion(item, target.version);
    const e = await step(item, ctx);
    const saved = await writeItem(tx, program, item, e, meta);
    await noticeItemStep(deps, tx, { actorId: meta.actorId, at: meta.at }, program, scope.gate, item, saved, scope.people.qualityOwnerIds);
    await followItems(
      tx,
      program,
      scope,
      scope.items.map((i) => (i.id === saved.id ? saved : i)),
      ctx.metaForAnother(),
    );
  });
}

/**
 * The item's owner submits its evidence for review: at least one piece of evidence attached (a file, a
 * link or a note) or a note with the submission.
 */
export function submitItem(deps: AppDeps, input: ItemTarget & { readonly note?: string | undefined }): Promise<Result<GateDetailView>> {
  return itemWrite(deps, input, async (item, { scope, tx, program, meta }) => {
    const note = input.note ?? '';
    const attached = (await tx.listEvidence(program.id)).filter((e) => e.itemId === item.id && e.removedAt === null);
    const e = must(submitEvidence(item, itemContext(scope), input.actor.id, note, meta.at));
    if (attached.length === 0 && note.trim() === '')
      abort({
        code: 'VALIDATION_FAILED',
        message: `${item.key} has no evidence: attach a file, a link or a note, or say in the submission what shows it is done.`,
        fields: [{ path: 'note', message: 'Attach evidence or write a note.' }],
      });
    return e;
  });
}

/** The gate owner or a quality owner accepts submitted evidence (not their own). */
export function acceptItem(deps: AppDeps, input: ItemTarget & { readonly comment?: string | undefined }): Promise<Result<GateDetailView>> {
  return itemWrite(deps, input, (item, { scope, meta }) =>
    must(acceptEvidence(item, itemContext(scope), input.actor.id, input.comment ?? '', meta.at)),
  );
}

/** The gate owner or a quality owner rejects submitted evidence, saying why. */
export function rejectItem(deps: AppDeps, input: ItemTarget & { readonly comment: string }): Promise<Result<GateDetailView>> {
  return itemWrite(deps, input, (item, { scope, meta }) =>
    must(rejectEvidence(item, itemContext(scope), input.actor.id, input.comment, meta.at)),
  );
}

/** An item not yet accepted is waived by linking a decided decision of the program (by id or key, D-4). */
export function waiveItem(deps: AppDeps, input: ItemTarget & { readonly decisionId: string }): Promise<Result<GateDetailView>> {
  return itemWrite(deps, input, async (item, { scope, tx, program, meta }) => {
    const d = await tx.findDecision(program.id, input.decisionId.trim());
    if (!d)
      return abort({
        code: 'WAIVER_NEEDS_DECISION',
        message: `${program.code} has no decision "${input.decisionId}"; a waiver links a decided decision of the program.`,
        fields: [{ path: 'decisionId', message: 'Not a decision of this program.' }],
      });
    return must(waive(item, itemContext(scope), input.actor.id, { id: d.id, programId: d.programId, status: d.status }, meta.at));
  });
}

/** An accepted or waived item goes back to open, with a reason. */
export function reopenItem(deps: AppDeps, input: ItemTarget & { readonly reason: string }): Promise<Result<GateDetailView>> {
  return itemWrite(deps, input, (item, { scope }) => must(reopen(item, itemContext(scope), input.actor.id, input.reason)));
}
