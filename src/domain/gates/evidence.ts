import type { UserId } from '../ids.js';

/** Evidence of a checklist item: a file (kept under its SHA-256), a link, or a note. */
export const evidenceKinds = ['file', 'link', 'note'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface Evidence {
  readonly id: string;
  readonly programId: string;
  readonly itemId: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly url: string | null;
  readonly note: string | null;
  readonly fileId: string | null;
  readonly fileName: string | null;
  readonly contentType: string | null;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
  readonly addedById: UserId;
  /** When it was added (the record's creation). */
  readonly addedAt: string;
  /** When it was taken off the item (the file stays for the record); null while attached. */
  readonly removedAt: string | null;
  readonly version: number;
}
