import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  IntakeFormSchema,
  IntakeLinkSchema,
  IntakeReceiptSchema,
  IntakeSubmission,
  NewIntakeLinkSchema,
  ProgramIntakeSchema,
} from '../../../src/contract/intake.js';
import type { Me } from '../lib/api.js';
import { callOperation, request } from '../lib/http.js';

export type IntakeForm = z.infer<typeof IntakeFormSchema>;
export type IntakeReceipt = z.infer<typeof IntakeReceiptSchema>;
export type IntakeLink = z.infer<typeof IntakeLinkSchema>;
export type NewIntakeLink = z.infer<typeof NewIntakeLinkSchema>;
export type ProgramIntake = z.infer<typeof ProgramIntakeSchema>;

const linkPath = (token: string) => `/api/v1/intake/${encodeURIComponent(token)}`;

export const intakeKeys = {
  linkForm: (token: string) => ['intake-link', token] as const,
  clientForm: (clientId: string) => ['intake', 'client', clientId] as const,
  links: ['intake', 'links'] as const,
  program: (programId: string) => ['program', programId, 'intake'] as const,
};

/** Intake: a client's link form (no account), and for people signed in their clients' form, the links and a program's record. */
export const intakeApi = {
  linkForm: (token: string, signal?: AbortSignal) => request<IntakeForm>('GET', linkPath(token), undefined, signal),
  submitThroughLink: (token: string, body: IntakeSubmission) => request<IntakeReceipt>('POST', linkPath(token), body),
  clientForm: (clientId: string, signal?: AbortSignal) => callOperation('getClientIntakeForm', { params: { clientId } }, signal),
  submitForClient: (clientId: string, body: IntakeSubmission) => callOperation('submitClientIntake', { params: { clientId }, body }),
  listLinks: (signal?: AbortSignal) => callOperation('listIntakeLinks', {}, signal),
  createLink: (clientId: string, body: { label: string; expiresInDays?: number | undefined }) =>
    callOperation('createIntakeLink', { params: { clientId }, body }),
  revokeLink: (linkId: string) => callOperation('revokeIntakeLink', { params: { linkId }, body: {} }),
  programIntake: (programId: string, signal?: AbortSignal) => callOperation('getProgramIntake', { params: { programId } }, signal),
};

export const useLinkForm = (token: string) =>
  useQuery({
    queryKey: intakeKeys.linkForm(token),
    queryFn: ({ signal }) => intakeApi.linkForm(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useProgramIntake = (programId: string) =>
  useQuery({ queryKey: intakeKeys.program(programId), queryFn: ({ signal }) => intakeApi.programIntake(programId, signal) });

/** Who may submit signed in: admins and anyone with a role on a client. */
export const maySubmitIntake = (me: Me): boolean => me.isAdmin || me.memberships.some((m) => m.clientId !== null);

/** Who manages intake links: admins and a client's cadence owners (who may make its programs). */
export const mayManageIntakeLinks = (me: Me): boolean =>
  me.isAdmin || me.memberships.some((m) => m.role === 'cadence_owner' && m.clientId !== null);
