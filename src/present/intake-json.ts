import type { IntakeFormView, ProgramIntakeView } from '../app/intake/intake-form.js';
import type { IntakeLinkView } from '../app/intake/intake-links.js';
import type { IntakeReceipt } from '../app/intake/submit-intake.js';
import { intakeLimits } from '../domain/intake.js';

/** An intake link as the API answers it (never its secret or its hash). */
export const intakeLinkJson = (l: IntakeLinkView) => ({
  id: l.id,
  clientId: l.clientId as string,
  clientName: l.clientName,
  label: l.label,
  createdById: l.createdById as string,
  createdByName: l.createdByName,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
  state: l.state,
  submissions: l.submissions,
  lastSubmittedAt: l.lastSubmittedAt,
  version: l.version,
});

/** The intake form: the client's name, the templates offered (head fields only) and the limits. */
export const intakeFormJson = (f: IntakeFormView) => ({
  clientName: f.clientName,
  templates: f.templates.map((t) => ({ id: t.id, name: t.name, description: t.description, ppapLevel: t.ppapLevel })),
  limits: {
    name: intakeLimits.name,
    factoryCity: intakeLimits.factoryCity,
    risks: intakeLimits.risks,
    riskText: intakeLimits.riskText,
    contacts: intakeLimits.contacts,
    contactRole: intakeLimits.contactRole,
    contactPhone: intakeLimits.contactPhone,
    note: intakeLimits.note,
    bodyBytes: intakeLimits.bodyBytes,
  },
});

export const intakeReceiptJson = (r: IntakeReceipt) => ({ ...r });

/** What intake recorded for a program, or null. */
export const programIntakeJson = (v: ProgramIntakeView | null) => ({
  intake: v && {
    submittedAt: v.submission.createdAt,
    submittedById: v.submission.submittedById as string,
    submittedByName: v.submittedByName,
    linkLabel: v.linkLabel,
    templateId: v.submission.templateId,
    ppapLevel: v.submission.ppapLevel,
    currentPhase: v.submission.currentPhase,
    knownRisks: [...v.submission.knownRisks],
    contacts: v.submission.contacts.map((c) => ({ ...c })),
    note: v.submission.note,
  },
});
