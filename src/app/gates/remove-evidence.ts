import { mayChangeEvidence } from '../../domain/gates/checklist-item.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import type { EvidenceTarget } from './add-evidence.js';
import { type EvidenceView, evidenceEvents, evidenceView } from './gate-view.js';
import { findItem, itemContext, readGateScope } from './gate-write.js';

/**
 * Takes a piece of evidence off its item (same people and item states as attaching it): the record
 * keeps it with the instant it was removed, and a file's bytes stay for the record.
 */
export function removeEvidence(
  deps: AppDeps,
  input: EvidenceTarget & { readonly evidenceId: string; readonly version?: number | undefined },
): Promise<Result<EvidenceView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'gate.work', locksProgram: true, reason: input.reason },
    async ({ tx, program, meta }) => {
      const scope = await readGateScope(tx, program, input.gateKey);
      const item = findItem(scope, program, input.itemKey);
      const all = (await tx.listEvidence(program.id)).filter((e) => e.itemId === item.id);
      const e = all.find((x) => x.id === input.evidenceId.trim());
      if (!e) return abort({ code: 'EVIDENCE_NOT_FOUND', message: `${item.key} has no evidence "${input.evidenceId}".` });
      if (e.removedAt !== null)
        return abort({ code: 'EVIDENCE_STATE', message: `"${e.title}" was already taken off ${item.key} at ${e.removedAt}.` });
      if (input.version !== undefined && input.version !== e.version)
        abort({
          code: 'VERSION_CONFLICT',
          message: `"${e.title}" was changed by someone else (you read version ${input.version}, it is now ${e.version}); reload and retry.`,
        });
      const attached = all.filter((x) => x.removedAt === null).length;
      must(mayChangeEvidence(item, itemContext(scope), input.actor.id, 'remove', attached));
      const { id, version, ...before } = e;
      await updateRecord(
        deps,
        tx,
        { entity: 'evidence', id, programId: program.id, entityKey: item.key, meta },
        { ...before, version },
        { removedAt: meta.at },
      );
      return id;
    },
    async ({ program, value }) => {
      const saved = await deps.store.reads.findEvidence(program.id, value);
      if (!saved) throw new Error(`evidence ${value} was committed but cannot be read`);
      return evidenceView(program, saved, await evidenceEvents(deps.store.reads, program, [saved]));
    },
  );
}
