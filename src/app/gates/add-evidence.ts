import { isEvidenceEvent } from '../../domain/floor/event-evidence.js';
import { mayChangeEvidence } from '../../domain/gates/checklist-item.js';
import { checkEvidence, type Evidence, type EvidenceInput, evidenceTitle } from '../../domain/gates/evidence.js';
import { checkEvidenceFile, evidenceFileLimits } from '../../domain/gates/evidence-file.js';
import { textProblem } from '../../domain/gates/gate-text.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { Columns } from '../ports.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { type EvidenceView, evidenceEvents, evidenceView } from './gate-view.js';
import { findItem, type GateTarget, itemContext, readGateScope } from './gate-write.js';

/** A checklist item of a gate, by key or id. */
export interface EvidenceTarget extends GateTarget {
  readonly itemKey: string;
}

/** A floor event of the same program given as evidence: an inspection or a measurement, by key (E-12) or id. */
export interface EvidenceEventInput {
  readonly kind: 'event';
  readonly title?: string | undefined;
  readonly eventId: string;
}

/** A file given as evidence: its name as sent (sanitised here), its bytes, and the size limit of the edge it came through. */
export interface EvidenceFileInput {
  readonly kind: 'file';
  readonly title?: string | undefined;
  readonly fileName: string;
  readonly content: Uint8Array;
  /** The configured limit (TOLLGATE_EVIDENCE_MAX_BYTES); default 25 MB. */
  readonly maxBytes?: number | undefined;
}

/**
 * Attaches a link, a note or a file to a checklist item (its owner, the gate's owner or a quality owner,
 * while the item is open or rejected): the file's bytes are kept by the evidence storage in the same
 * transaction as the evidence record, which goes through the one write path.
 */
export function addEvidence(
  deps: AppDeps,
  input: EvidenceTarget & { readonly evidence: EvidenceInput | EvidenceFileInput | EvidenceEventInput },
): Promise<Result<EvidenceView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'gate.work', locksProgram: true, reason: input.reason },
    async ({ tx, program, meta }) => {
      const scope = await readGateScope(tx, program, input.gateKey);
      const item = findItem(scope, program, input.itemKey);
      const attached = (await tx.listEvidence(program.id)).filter((e) => e.itemId === item.id && e.removedAt === null).length;
      must(mayChangeEvidence(item, itemContext(scope), input.actor.id, 'add', attached));
      const given = input.evidence;
      const none = { url: null, note: null, fileId: null, fileName: null, contentType: null, sizeBytes: null, sha256: null, eventId: null };
      let piece: Pick<
        Columns['evidence'],
        'kind' | 'title' | 'url' | 'note' | 'fileId' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'eventId'
      >;
      if (given.kind === 'file') {
        const file = must(checkEvidenceFile(given.fileName, given.content, given.maxBytes ?? evidenceFileLimits.defaultMaxBytes));
        const title = evidenceTitle(given.title, file.fileName);
        const p = textProblem('title', title, 'line');
        if (p) abort({ code: 'VALIDATION_FAILED', message: p.message, fields: [p] });
        const stored = await deps.store.evidence.put(tx, given.content, meta.at);
        piece = { ...none, kind: 'file', title, fileName: file.fileName, contentType: file.type.contentType, ...stored };
      } else if (given.kind === 'event') {
        const event = await tx.findFloorEvent(program.id, given.eventId.trim());
        if (!event || !isEvidenceEvent(event))
          return abort({
            code: 'EVENT_NOT_EVIDENCE',
            message: event
              ? `${event.key} is a shipment; only an inspection or a measurement is evidence.`
              : `No floor event "${given.eventId}" in ${program.code}.`,
            fields: [{ path: 'eventId', message: 'Name an inspection or a measurement of this program (E-12).' }],
          });
        const title = evidenceTitle(given.title, `${event.key} ${event.title}`);
        const p = textProblem('title', title, 'line');
        if (p) abort({ code: 'VALIDATION_FAILED', message: p.message, fields: [p] });
        piece = { ...none, kind: 'event', title, eventId: event.id };
      } else {
        piece = { ...none, ...must(checkEvidence(given)) };
      }
      const id = deps.newId();
      const values = { programId: program.id, itemId: item.id, ...piece, addedById: input.actor.id, removedAt: null };
      await insertRecord(deps, tx, { entity: 'evidence', id, programId: program.id, entityKey: item.key, meta }, values);
      const written: Evidence = { id, ...values, addedAt: meta.at, version: 1 };
      return written;
    },
    async ({ program, value }) => {
      // A bare answer (AppDeps.bareAnswers): the evidence as written, naming no floor event.
      if (deps.bareAnswers) return evidenceView(program, value, new Map());
      const saved = await deps.store.reads.findEvidence(program.id, value.id);
      if (!saved) throw new Error(`evidence ${value.id} was committed but cannot be read`);
      return evidenceView(program, saved, await evidenceEvents(deps.store.reads, program, [saved]));
    },
  );
}
