import type { z } from 'zod';
import type {
  ApiTokenListSchema,
  AuthConfigSchema,
  ClientListSchema,
  CreatedTokenSchema,
  InvitationSchema,
  InviteInfoSchema,
  Me,
  MembershipSchema,
  PasswordChangedSchema,
  PersonListSchema,
  ProgramPeopleSchema,
  RoleSchema,
} from '../../../src/contract/auth.js';
import type { ChangeListSchema } from '../../../src/contract/change.js';
import type {
  CompleteMilestone,
  CreateMilestone,
  Milestone,
  MilestoneListSchema,
  MoveMilestone,
  UpdateMilestone,
} from '../../../src/contract/milestone.js';
import type { ProgramList, ProgramSummary } from '../../../src/contract/program.js';
import { request, setCsrfToken } from './http.js';

export { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './http.js';
export type { Me };

export type MilestoneList = z.infer<typeof MilestoneListSchema>;
export type ChangeList = z.infer<typeof ChangeListSchema>;
export type ProgramPeople = z.infer<typeof ProgramPeopleSchema>;
export type ProgramPerson = ProgramPeople['items'][number];
export type AuthConfig = z.infer<typeof AuthConfigSchema>;
export type InviteInfo = z.infer<typeof InviteInfoSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;
export type ApiToken = ApiTokenList['items'][number];
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export type PasswordChanged = z.infer<typeof PasswordChangedSchema>;
export type PersonList = z.infer<typeof PersonListSchema>;
export type Person = PersonList['items'][number];
export type Membership = z.infer<typeof MembershipSchema>;
export type ClientList = z.infer<typeof ClientListSchema>;
export type Role = z.infer<typeof RoleSchema>;

/** A role on one client (all its programs) or on one program. */
export type RoleGrant = { role: Role; clientId: string } | { role: Role; programId: string };
export interface InviteBody {
  email: string;
  name: string;
  isAdmin: boolean;
  roles: RoleGrant[];
}
export interface AcceptBody {
  password: string;
  name?: string;
  email?: string;
  timeZone?: string;
}

const programPath = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}`;
const milestonePath = (programId: string, milestoneId: string) => `${programPath(programId)}/milestones/${encodeURIComponent(milestoneId)}`;
const invitePath = (token: string) => `/api/v1/invites/${encodeURIComponent(token)}`;

/** Keeps the session's CSRF token from any answer that describes the signed-in person. */
const remember = (me: Me): Me => {
  setCsrfToken(me.csrfToken);
  return me;
};

export const api = {
  listPrograms: (signal?: AbortSignal) => request<ProgramList>('GET', '/api/v1/programs', undefined, signal),
  getProgram: (programId: string, signal?: AbortSignal) => request<ProgramSummary>('GET', programPath(programId), undefined, signal),
  listMilestones: (programId: string, signal?: AbortSignal) =>
    request<MilestoneList>('GET', `${programPath(programId)}/milestones`, undefined, signal),
  listChanges: (programId: string, signal?: AbortSignal) =>
    request<ChangeList>('GET', `${programPath(programId)}/changes`, undefined, signal),
  listProgramPeople: (programId: string, signal?: AbortSignal) =>
    request<ProgramPeople>('GET', `${programPath(programId)}/people`, undefined, signal),

  createMilestone: (programId: string, body: CreateMilestone) => request<Milestone>('POST', `${programPath(programId)}/milestones`, body),
  updateMilestone: (programId: string, milestoneId: string, body: UpdateMilestone) =>
    request<Milestone>('PATCH', milestonePath(programId, milestoneId), body),
  moveMilestone: (programId: string, milestoneId: string, body: MoveMilestone) =>
    request<Milestone>('POST', `${milestonePath(programId, milestoneId)}/move`, body),
  completeMilestone: (programId: string, milestoneId: string, body: CompleteMilestone) =>
    request<Milestone>('POST', `${milestonePath(programId, milestoneId)}/complete`, body),

  authConfig: (signal?: AbortSignal) => request<AuthConfig>('GET', '/api/v1/auth/config', undefined, signal),
  me: async (signal?: AbortSignal) => remember(await request<Me>('GET', '/api/v1/me', undefined, signal)),
  signIn: async (email: string, password: string) => remember(await request<Me>('POST', '/api/v1/auth/login', { email, password })),
  signOut: async () => {
    await request<{ ok: true }>('POST', '/api/v1/auth/logout');
    setCsrfToken(null);
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    request<PasswordChanged>('POST', '/api/v1/me/password', { currentPassword, newPassword }),
  listTokens: (signal?: AbortSignal) => request<ApiTokenList>('GET', '/api/v1/me/tokens', undefined, signal),
  createToken: (name: string, expiresInDays: number) => request<CreatedToken>('POST', '/api/v1/me/tokens', { name, expiresInDays }),
  revokeToken: (tokenId: string) => request<{ ok: true }>('DELETE', `/api/v1/me/tokens/${encodeURIComponent(tokenId)}`),

  showInvite: (token: string, signal?: AbortSignal) => request<InviteInfo>('GET', invitePath(token), undefined, signal),
  acceptInvite: async (token: string, body: AcceptBody) => remember(await request<Me>('POST', `${invitePath(token)}/accept`, body)),

  listPeople: (signal?: AbortSignal) => request<PersonList>('GET', '/api/v1/people', undefined, signal),
  listClients: (signal?: AbortSignal) => request<ClientList>('GET', '/api/v1/clients', undefined, signal),
  invite: (body: InviteBody) => request<Invitation>('POST', '/api/v1/people/invites', body),
  grantRole: (userId: string, grant: RoleGrant) => request<Membership>('POST', `/api/v1/people/${encodeURIComponent(userId)}/roles`, grant),
  revokeRole: (membershipId: string) => request<{ ok: true }>('DELETE', `/api/v1/roles/${encodeURIComponent(membershipId)}`),
  removePerson: (userId: string) => request<{ ok: true }>('DELETE', `/api/v1/people/${encodeURIComponent(userId)}`),
};
