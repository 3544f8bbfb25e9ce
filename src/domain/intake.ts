import type { ClientId, UserId } from './ids.js';
import type { Phase } from './milestone.js';
import { programCodePattern } from './program.js';

/**
 * How much an intake submission may hold: the contract's schemas, the web form and the README take
 * these numbers, so the form's counters, the API's refusals and the docs say the same.
 */
export const intakeLimits = {
  /** Product, program and supplier names (characters). */
  name: 200,
  factoryCity: 100,
  /** Known risks: how many, and the characters of each. */
  risks: 10,
  riskText: 300,
  /** Contacts: how many, and the characters of each one's role and phone. */
  contacts: 10,
  contactRole: 100,
  contactPhone: 40,
  note: 4000,
  /** An intake link's label. */
  label: 100,
  /** Days an intake link may be made to last (none: until revoked). */
  linkDays: 366,
  /** Bytes of a request body the intake routes read; larger ones are refused (413) before they are read. */
  bodyBytes: 65_536,
} as const;

/** The template a submission's draft is made from when it names none. */
export const defaultIntakeTemplateId = 'default-4-gate';

/** A contact at the client or supplier the cadence owner may reach: a name, and how to reach them. */
export interface IntakeContact {
  readonly name: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
}

/** A client's intake link as the store keeps it (its secret only as a hash, never here). */
export interface IntakeLink {
  readonly id: string;
  readonly clientId: ClientId;
  readonly label: string;
  readonly createdById: UserId;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly version: number;
}

export type IntakeLinkState = 'open' | 'revoked' | 'expired';

/** A link takes submissions until it is revoked or its expiry passes; either ends it for good. */
export function intakeLinkState(link: Pick<IntakeLink, 'expiresAt' | 'revokedAt'>, now: Date): IntakeLinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt !== null && link.expiresAt <= now.toISOString()) return 'expired';
  return 'open';
}

/** What a submission recorded beside its draft program. */
export interface IntakeSubmission {
  readonly id: string;
  readonly clientId: ClientId;
  /** The link it came through; null when a signed-in client user submitted it. */
  readonly linkId: string | null;
  readonly programId: string;
  readonly submittedById: UserId;
  readonly templateId: string;
  readonly ppapLevel: number | null;
  /** The phase the client says the product is in now (the draft's gates start from its template). */
  readonly currentPhase: Phase;
  readonly knownRisks: readonly string[];
  readonly contacts: readonly IntakeContact[];
  readonly note: string;
  readonly createdAt: string;
  readonly version: number;
}

/** Letters for a code's random part: no 0/O or 1/I, so a code read out over the phone survives. */
export const intakeCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const slugLength = 16;

/**
 * The code of a draft made by intake: `INT-`, the product's Latin letters and digits (at most 16, in
 * upper case; none for a name in another script) and a random part that tells two drafts of the same
 * product apart, e.g. INT-KETTLE-500-7KQ2. `random` is the random part, from intakeCodeAlphabet.
 */
export function intakeProgramCode(product: string, random: string): string {
  const slug = product
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .slice(0, slugLength)
    .replace(/^-+|-+$/g, '');
  const code = slug ? `INT-${slug}-${random}` : `INT-${random}`;
  if (!programCodePattern.test(code)) throw new Error(`intake code ${code} is not a program code`);
  return code;
}
