import type { z } from 'zod';
import { getProgramIntake, showClientIntakeForm } from '../app/intake/intake-form.js';
import { createIntakeLink, listIntakeLinks, revokeIntakeLink } from '../app/intake/intake-links.js';
import { type IntakeAnswers, submitIntake } from '../app/intake/submit-intake.js';
import type { IntakeSubmissionSchema } from '../contract/intake.js';
import type { intakeOperations } from '../contract/operations/intake.js';
import type { PlainDate } from '../domain/plain-date.js';
import { intakeFormJson, intakeLinkJson, intakeReceiptJson, programIntakeJson } from '../present/intake-json.js';
import { type Bindings, presented } from './binding.js';

/** The submission as the use case takes it, once the contract's schema has read it. */
export const intakeAnswers = (body: z.output<typeof IntakeSubmissionSchema>): IntakeAnswers => ({
  ...body,
  targetReleaseDate: body.targetReleaseDate as PlainDate | null,
});

/** Program intake for people signed in (contract/operations/intake.ts). */
export const intakeBindings: Bindings<keyof typeof intakeOperations> = {
  createIntakeLink: async ({ app, actor, origin }, { params, body }) =>
    presented(await createIntakeLink(app, { actor, clientId: params.clientId, ...body }), (v) => ({
      link: intakeLinkJson(v.link),
      token: v.token,
      url: origin ? `${origin}/intake/${v.token}` : null,
    })),

  listIntakeLinks: async ({ app, actor }, { query }) =>
    presented(await listIntakeLinks(app, { actor, clientId: query.clientId }), (items) => ({ items: items.map(intakeLinkJson) })),

  revokeIntakeLink: async ({ app, actor }, { params, body }) =>
    presented(await revokeIntakeLink(app, { actor, linkId: params.linkId, reason: body.reason }), intakeLinkJson),

  getClientIntakeForm: async ({ app, actor }, { params }) =>
    presented(await showClientIntakeForm(app, { actor, clientId: params.clientId }), intakeFormJson),

  submitClientIntake: async ({ app, actor }, { params, body }) =>
    presented(await submitIntake(app, { via: { actor, clientId: params.clientId }, answers: intakeAnswers(body) }), intakeReceiptJson),

  getProgramIntake: async ({ app, actor }, { params }) =>
    presented(await getProgramIntake(app, { actor, programId: params.programId }), programIntakeJson),
};
