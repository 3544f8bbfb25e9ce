import {
  CreateIntakeLinkSchema,
  IntakeClientParamsSchema,
  IntakeFormSchema,
  IntakeLinkListQuerySchema,
  IntakeLinkListSchema,
  IntakeLinkParamsSchema,
  IntakeLinkSchema,
  IntakeReceiptSchema,
  IntakeSubmissionSchema,
  intakeLimits,
  NewIntakeLinkSchema,
  ProgramIntakeSchema,
  RevokeIntakeLinkSchema,
} from '../intake.js';
import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';

const tags = ['intake'];

/**
 * Program intake for people signed in: the links a client's programs come in through (admins and the
 * client's cadence owners), the form and submission for the client's own people, and what intake
 * recorded for a program. The link's own form (no account) is GET/POST /intake/{token} (http/routes/intake.ts).
 */
export const intakeOperations = defineOperations({
  createIntakeLink: {
    method: 'POST',
    path: '/clients/:clientId/intake-links',
    tags,
    summary: "Make a secret intake link for a client (admins and the client's cadence owners); its secret is answered once",
    params: IntakeClientParamsSchema,
    body: CreateIntakeLinkSchema,
    status: 201,
    response: NewIntakeLinkSchema,
    refusals: writeRefusals,
  },
  listIntakeLinks: {
    method: 'GET',
    path: '/intake-links',
    tags,
    summary: 'The intake links you manage (admins: every client’s), newest first, without their secrets',
    query: IntakeLinkListQuerySchema,
    status: 200,
    response: IntakeLinkListSchema,
    refusals: [401, 403],
  },
  revokeIntakeLink: {
    method: 'POST',
    path: '/intake-links/:linkId/revoke',
    tags,
    summary: 'Revoke an intake link: it takes no submission from now on (its form answers 404)',
    params: IntakeLinkParamsSchema,
    body: RevokeIntakeLinkSchema,
    status: 200,
    response: IntakeLinkSchema,
    refusals: writeRefusals,
  },
  getClientIntakeForm: {
    method: 'GET',
    path: '/clients/:clientId/intake',
    tags,
    summary: 'The intake form for a client you hold a role on: its name, the templates offered and the limits',
    params: IntakeClientParamsSchema,
    status: 200,
    response: IntakeFormSchema,
    refusals: [401, 403, 404],
  },
  submitClientIntake: {
    method: 'POST',
    path: '/clients/:clientId/intake',
    tags,
    summary: 'Submit a program for a client you hold a role on: a draft program is made and its cadence owners told',
    params: IntakeClientParamsSchema,
    body: IntakeSubmissionSchema,
    status: 201,
    response: IntakeReceiptSchema,
    refusals: writeRefusals,
    bodyLimit: intakeLimits.bodyBytes,
  },
  getProgramIntake: {
    method: 'GET',
    path: '/programs/:programId/intake',
    tags,
    summary: 'What intake recorded for the program (phase, known risks, contacts, template, note); null when not made by intake',
    params: ProgramParamsSchema,
    status: 200,
    response: ProgramIntakeSchema,
    refusals: readRefusals,
  },
});
