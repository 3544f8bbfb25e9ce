import type { Evidence } from '../../domain/gates/evidence.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';

/** A kept evidence file as it is served: its record and its bytes, checked against their hash. */
export interface EvidenceFileDownload {
  readonly evidence: Evidence & { readonly kind: 'file'; readonly fileName: string; readonly contentType: string; readonly sha256: string };
  readonly content: Uint8Array;
}

/**
 * An evidence file's bytes, for everyone who may see the program (PROGRAM_NOT_FOUND otherwise), also
 * once taken off its item (it stays for the record); a file whose bytes no longer match their SHA-256
 * is refused (EVIDENCE_FILE_CORRUPT), never served.
 */
export async function getEvidenceFile(
  deps: AppDeps,
  input: { readonly programId: string; readonly evidenceId: string; readonly actor: Actor },
): Promise<Result<EvidenceFileDownload>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const e = await reads.findEvidence(program.id, input.evidenceId.trim());
  if (e?.kind !== 'file' || e.fileId === null || e.fileName === null || e.contentType === null || e.sha256 === null)
    return refuse('EVIDENCE_NOT_FOUND', `${program.code} has no evidence file "${input.evidenceId}".`);
  const file = await deps.store.evidence.get(reads, e.fileId);
  if (!file?.isIntact || file.sha256 !== e.sha256)
    return refuse(
      'EVIDENCE_FILE_CORRUPT',
      `The stored file of "${e.fileName}" (${program.code}) no longer matches its SHA-256 ${e.sha256}; it is not served. The server logged it: restore the file from a backup.`,
    );
  return ok({
    evidence: { ...e, kind: 'file', fileName: e.fileName, contentType: e.contentType, sha256: e.sha256 },
    content: file.content,
  });
}
