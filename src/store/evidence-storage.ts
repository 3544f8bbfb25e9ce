import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { EvidenceStorage } from '../app/ports.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The default evidence storage: files in the database itself (evidence_files), written in the evidence's
 * own transaction, so a backup of the database holds them and several instances share them. Every read
 * hashes the bytes again: a file that no longer matches is reported as not intact.
 */
export const databaseEvidenceStorage: EvidenceStorage = {
  async put(tx, content, at) {
    const file = { id: uuidv7(), sha256: sha256(content), sizeBytes: content.byteLength };
    await tx.insertEvidenceFile({ ...file, content, at });
    return { fileId: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes };
  },
  async get(reads, fileId) {
    const row = await reads.findEvidenceFile(fileId);
    if (!row) return null;
    return { ...row, isIntact: row.sizeBytes === row.content.byteLength && sha256(row.content) === row.sha256 };
  },
};
