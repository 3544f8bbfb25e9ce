import type { EvidenceState } from './checklist-item.js';
import type { GateStatus } from './gate-status.js';

// The gate checklist pack as plain data: what must be true before progression, each item with its
// evidence, state and who accepted it when. app/ builds it from committed records, pdf/ prints it; it
// lives here because app/ may not import pdf/ (nor pdf/ app/), and both speak of it.

/**
 * What the gate checklist pack prints, as plain serialisable data: names already resolved, dates as
 * `YYYY-MM-DD` text and instants as ISO-8601 text, so app/ can build it from committed data.
 */
export interface GatePackView {
  readonly program: { readonly code: string; readonly name: string };
  readonly gate: {
    /** G1 … Gn. */
    readonly key: string;
    readonly name: string;
    readonly ownerName: string;
    /** The date of the gate's review milestone; null when it has none. */
    readonly plannedReviewDate: string | null;
    readonly status: GateStatus;
    readonly closeCriteria: string;
  };
  readonly items: readonly GatePackItem[];
  /** When the pack was made (ISO-8601), given by the caller: the PDF never reads the clock. */
  readonly generatedAt: string;
  /** IANA zone every instant of the pack is written in (the reader's or the program's). */
  readonly timeZone: string;
}

export interface GatePackItem {
  readonly key: string;
  readonly title: string;
  readonly isRequired: boolean;
  readonly ownerName: string;
  readonly dueDate: string | null;
  readonly state: EvidenceState;
  readonly evidence: readonly GatePackEvidence[];
  /** The latest acceptance or rejection; null while none stands. */
  readonly review: GatePackReview | null;
  /** Human key of the decision that waived the item (D-7); null unless waived. */
  readonly waiverDecisionKey: string | null;
}

/** One piece of evidence: a stored file's name, a link's address or a note's text. */
export interface GatePackEvidence {
  readonly kind: 'file' | 'link' | 'note' | 'event';
  readonly text: string;
}

export interface GatePackReview {
  readonly verdict: 'accepted' | 'rejected';
  readonly byName: string;
  /** ISO-8601 instant. */
  readonly at: string;
  readonly comment: string | null;
}

/**
 * The pack's file name, safe in a Content-Disposition header and on every file system: the program
 * code and gate key with anything but letters, digits, dots, hyphens and underscores made a hyphen
 * ("KHG-KW500-G1-pack.pdf").
 */
export function gatePackFileName(programCode: string, gateKey: string): string {
  const safe = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+|[.-]+$/g, '')
      .slice(0, 60) || 'gate';
  return `${safe(programCode)}-${safe(gateKey)}-pack.pdf`;
}
