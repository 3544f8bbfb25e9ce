import { addBusinessDays } from '../../domain/business-days.js';
import { diffFields } from '../../domain/change.js';
import { checklistItemFields, isItemSatisfied } from '../../domain/gates/checklist-item.js';
import { isGateSettled } from '../../domain/gates/gate-status.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import { templateOfGates } from '../templates/templates.js';
import { abort } from '../transact.js';
import { programCalendar } from '../views.js';
import type { GateDetailView } from './gate-view.js';
import { checkVersion, findItem, type GateTarget, gateWrite, writeGate, writeItem } from './gate-write.js';

export interface UpdateGateInput extends GateTarget {
  readonly version: number;
  readonly ownerId?: string | undefined;
  readonly gatekeeperIds?: readonly string[] | undefined;
  /** The milestone (id or key) whose date is the planned review; null: not planned. */
  readonly reviewMilestoneId?: string | null | undefined;
  readonly warningDays?: number | undefined;
}

/**
 * The cadence owner sets a gate's owner, gatekeepers, review milestone and warning period. A new review
 * milestone dates the items not yet accepted or waived again, each its template's offset before the review.
 */
export function updateGate(deps: AppDeps, input: UpdateGateInput): Promise<Result<GateDetailView>> {
  return gateWrite(deps, input, 'gate.edit', async ({ scope, tx, program, meta, metaForAnother }) => {
    const { gate } = scope;
    checkVersion(gate, input.version);
    if (isGateSettled(gate.status)) abort({ code: 'GATE_STATE', message: `${gate.key} is ${gate.status}: its set-up is frozen.` });
    const next = { ...gate };
    if (input.ownerId !== undefined) {
      await checkOwner(tx, program, input.ownerId);
      next.ownerId = input.ownerId as UserId;
    }
    if (input.gatekeeperIds !== undefined) {
      const ids = [...new Set(input.gatekeeperIds)];
      for (const id of ids) await checkOwner(tx, program, id);
      next.gatekeeperIds = ids as UserId[];
    }
    if (input.warningDays !== undefined) next.warningDays = input.warningDays;
    let reviewDate: PlainDate | null | undefined;
    if (input.reviewMilestoneId !== undefined) {
      if (input.reviewMilestoneId === null) {
        next.reviewMilestoneId = null;
        reviewDate = null;
      } else {
        const m = await tx.findMilestone(program.id, input.reviewMilestoneId.trim());
        if (!m)
          return abort({
            code: 'MILESTONE_NOT_FOUND',
            message: `${program.code} has no milestone "${input.reviewMilestoneId}".`,
            fields: [{ path: 'reviewMilestoneId', message: 'Not a milestone of this program.' }],
          });
        const other = scope.gates.find((g) => g.id !== gate.id && g.reviewMilestoneId === m.id);
        if (other)
          abort({
            code: 'VALIDATION_FAILED',
            message: `${m.key} is already the review of ${other.key}.`,
            fields: [{ path: 'reviewMilestoneId', message: `The review of ${other.key}.` }],
          });
        next.reviewMilestoneId = m.id;
        reviewDate = m.forecastDate;
      }
    }
    const changes = diffFields(gate, next, ['ownerId', 'gatekeeperIds', 'reviewMilestoneId', 'warningDays']);
    await writeGate(tx, program, gate, { next: { ...next, version: gate.version + 1 }, changes }, meta);
    if (reviewDate && next.reviewMilestoneId !== gate.reviewMilestoneId) {
      // The items still to do are due their template's offset before the new review.
      const template = await templateOfGates(tx, gate);
      const offsets = new Map(template?.gates.find((g) => g.key === gate.key)?.checklist.map((c) => [c.key, c.dueOffsetDays]) ?? []);
      const cal = programCalendar(program);
      for (const item of scope.items.filter((i) => i.gateId === gate.id && !isItemSatisfied(i))) {
        const dueDate = addBusinessDays(cal, reviewDate, offsets.get(item.key) ?? 0);
        const after = { ...item, dueDate, version: item.version + 1 };
        await writeItem(tx, program, item, { next: after, changes: diffFields(item, after, checklistItemFields) }, metaForAnother());
      }
    }
  });
}

export interface UpdateItemInput extends GateTarget {
  readonly itemKey: string;
  readonly version: number;
  readonly ownerId?: string | undefined;
  readonly dueDate?: PlainDate | null | undefined;
}

/** The cadence owner names an item's owner (a person on the program) and its due date. */
export function updateItem(deps: AppDeps, input: UpdateItemInput): Promise<Result<GateDetailView>> {
  return gateWrite(deps, input, 'gate.edit', async ({ scope, tx, program, meta }) => {
    const item = findItem(scope, program, input.itemKey);
    checkVersion(item, input.version);
    if (isGateSettled(scope.gate.status))
      abort({ code: 'GATE_STATE', message: `${scope.gate.key} is ${scope.gate.status}: its checklist is frozen.` });
    const next = { ...item, version: item.version + 1 };
    if (input.ownerId !== undefined) {
      await checkOwner(tx, program, input.ownerId);
      next.ownerId = input.ownerId as UserId;
    }
    if (input.dueDate !== undefined) next.dueDate = input.dueDate;
    await writeItem(tx, program, item, { next, changes: diffFields(item, next, checklistItemFields) }, meta);
  });
}
