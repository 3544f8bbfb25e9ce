import type { UserId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import { hasControlCharacter } from '../text.js';
import { gateTextLimits, textProblem } from './gate-text.js';

/** Evidence of a checklist item: a file (kept under its SHA-256), a link, a note, or a floor event (an inspection or measurement). */
export const evidenceKinds = ['file', 'link', 'note', 'event'] as const;
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
  /** The inspection or measurement of the same program it names (kind `event`). */
  readonly eventId: string | null;
  readonly addedById: UserId;
  /** When it was added (the record's creation). */
  readonly addedAt: string;
  /** When it was taken off the item (the file stays for the record); null while attached. */
  readonly removedAt: string | null;
  readonly version: number;
}

/** Longest link a piece of evidence keeps. */
export const evidenceLinkMaxLength = 2000;

/** A link or a note as given, before it is checked. */
export type EvidenceInput =
  | { readonly kind: 'link'; readonly title?: string | undefined; readonly url: string }
  | { readonly kind: 'note'; readonly title?: string | undefined; readonly note: string };

/** A link or a note as kept: its title (given, or made from the link or the note's first line). */
export interface CheckedEvidence {
  readonly kind: 'link' | 'note';
  readonly title: string;
  readonly url: string | null;
  readonly note: string | null;
}

/** A title given, or the first line of what it names, cut to one line's length. */
export function evidenceTitle(given: string | undefined, fallback: string): string {
  const title = (given ?? '').trim();
  if (title !== '') return title;
  const first = (fallback.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
  return first.length > gateTextLimits.line ? `${first.slice(0, gateTextLimits.line - 1)}…` : first;
}

/**
 * A link is kept only as an absolute http or https URL (no javascript:, data:, file: or the like, no
 * credentials in it), at most 2000 characters; a note is non-blank text of at most 5000.
 */
export function checkEvidence(input: EvidenceInput): Result<CheckedEvidence> {
  if (input.kind === 'link') {
    const url = input.url.trim();
    const problem = linkProblem(url);
    if (problem) return refuse('VALIDATION_FAILED', `url: ${problem}`, [{ path: 'url', message: problem }]);
    return titled({ kind: 'link', title: evidenceTitle(input.title, url), url, note: null }, input.title);
  }
  const note = input.note.trim();
  if (note === '') return refuse('VALIDATION_FAILED', 'note: write the note.', [{ path: 'note', message: 'Required.' }]);
  const p = textProblem('note', note, 'long');
  if (p) return refuse('VALIDATION_FAILED', p.message, [p]);
  return titled({ kind: 'note', title: evidenceTitle(input.title, note), url: null, note }, input.title);
}

function titled(e: CheckedEvidence, given: string | undefined): Result<CheckedEvidence> {
  const p = textProblem('title', given?.trim() ? e.title : e.title.replace(/[\t\n\r]/g, ' '), 'line');
  return p ? refuse('VALIDATION_FAILED', p.message, [p]) : ok(e);
}

function linkProblem(url: string): string | null {
  if (url === '') return 'Give the link.';
  if (url.length > evidenceLinkMaxLength) return `At most ${evidenceLinkMaxLength} characters.`;
  if (/\s/.test(url) || hasControlCharacter(url)) return 'A link has no spaces or control characters.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a link: give an absolute address starting with https:// or http://.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `Only http and https links are kept, not ${parsed.protocol}.`;
  if (parsed.username !== '' || parsed.password !== '') return 'A link must not carry a user name or password.';
  if (parsed.hostname === '') return 'The link names no host.';
  return null;
}
