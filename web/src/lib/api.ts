import type { z } from 'zod';
import type {
  ApiTokenListSchema,
  AuthConfigSchema,
  CreatedTokenSchema,
  InvitationSchema,
  InviteInfoSchema,
  Me,
  MembershipSchema,
  PasswordChangedSchema,
  PersonListSchema,
  ProgramPeopleSchema,
  RoleSchema,
  UpdateMeSchema,
} from '../../../src/contract/auth.js';
import type { ChangeListSchema } from '../../../src/contract/change.js';
import type {
  CompleteMilestone,
  CreateMilestone,
  MilestoneListSchema,
  MoveMilestone,
  UpdateMilestone,
} from '../../../src/contract/milestone.js';
import type { ClientListSchema } from '../../../src/contract/setup.js';
import { callOperation, request, setCsrfToken } from './http.js';

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
/** One's own name or time zone, changed at the version GET /me gave. */
export type UpdateMeBody = z.input<typeof UpdateMeSchema>;

/** A role on one client (all its programs) or on one program. */
export type RoleGrant = { role: Role; clientId: string } | { role: Role; programId: string };
export interface InviteBody {
  email: string;
  name: string;
  isAdmin: boolean;
  /** Left out: the invitee's browser gives the zone when they accept. */
  timeZone?: string | undefined;
  roles: RoleGrant[];
}
export interface AcceptBody {
  password: string;
  name?: string;
  email?: string;
  timeZone?: string;
}

const invitePath = (token: string) => `/api/v1/invites/${encodeURIComponent(token)}`;

/** Keeps the session's CSRF token from any answer that describes the signed-in person. */
const remember = (me: Me): Me => {
  setCsrfToken(me.csrfToken);
  return me;
};

/** What the change log can be narrowed to: a record's key, a person (email or id), a period of days. */
export interface ChangeLogFilters {
  readonly record?: string | undefined;
  readonly by?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export const api = {
  listPrograms: (signal?: AbortSignal) => callOperation('listPrograms', {}, signal),
  getProgram: (programId: string, signal?: AbortSignal) => callOperation('getProgram', { params: { programId } }, signal),
  listMilestones: (programId: string, signal?: AbortSignal) => callOperation('listMilestones', { params: { programId } }, signal),
  /** One page of the change log as a story (entries), newest first, filtered; `cursor` is the page before's nextCursor. */
  listChangeLog: (programId: string, filters: ChangeLogFilters, limit: number, signal?: AbortSignal, cursor?: string) =>
    callOperation('listChangeLog', { params: { programId }, query: { ...filters, limit, cursor } }, signal),
  listProgramPeople: (programId: string, signal?: AbortSignal) => callOperation('listProgramPeople', { params: { programId } }, signal),
  /** The first page (50) of the records still without an owner or a due date. */
  listNeedsOwner: (programId: string, signal?: AbortSignal) =>
    callOperation('listNeedsOwner', { params: { programId }, query: { limit: 50 } }, signal),

  createMilestone: (programId: string, body: CreateMilestone) => callOperation('createMilestone', { params: { programId }, body }),
  updateMilestone: (programId: string, milestoneId: string, body: UpdateMilestone) =>
    callOperation('updateMilestone', { params: { programId, milestoneId }, body }),
  moveMilestone: (programId: string, milestoneId: string, body: MoveMilestone) =>
    callOperation('moveMilestone', { params: { programId, milestoneId }, body }),
  completeMilestone: (programId: string, milestoneId: string, body: CompleteMilestone) =>
    callOperation('completeMilestone', { params: { programId, milestoneId }, body }),

  authConfig: (signal?: AbortSignal) => request<AuthConfig>('GET', '/api/v1/auth/config', undefined, signal),
  me: async (signal?: AbortSignal) => remember(await request<Me>('GET', '/api/v1/me', undefined, signal)),
  signIn: async (email: string, password: string) => remember(await request<Me>('POST', '/api/v1/auth/login', { email, password })),
  signOut: async () => {
    await request<{ ok: true }>('POST', '/api/v1/auth/logout');
    setCsrfToken(null);
  },
  /** The answer is the new /me: keep it (and its CSRF token) as the signed-in person. */
  updateMe: async (body: UpdateMeBody) => remember(await callOperation('updateMe', { body })),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<PasswordChanged>('POST', '/api/v1/me/password', { currentPassword, newPassword }),
  listTokens: (signal?: AbortSignal) => callOperation('listTokens', {}, signal),
  createToken: (name: string, expiresInDays: number) => callOperation('createToken', { body: { name, expiresInDays } }),
  revokeToken: (tokenId: string) => callOperation('revokeToken', { params: { tokenId } }),

  showInvite: (token: string, signal?: AbortSignal) => request<InviteInfo>('GET', invitePath(token), undefined, signal),
  acceptInvite: async (token: string, body: AcceptBody) => remember(await request<Me>('POST', `${invitePath(token)}/accept`, body)),

  listPeople: (signal?: AbortSignal) => callOperation('listPeople', {}, signal),
  listClients: (signal?: AbortSignal) => callOperation('listClients', {}, signal),
  invite: (body: InviteBody) => callOperation('invitePerson', { body }),
  grantRole: (userId: string, grant: RoleGrant) => callOperation('grantRole', { params: { userId }, body: grant }),
  revokeRole: (membershipId: string) => callOperation('revokeRole', { params: { membershipId } }),
  removePerson: (userId: string) => callOperation('removePerson', { params: { userId } }),
};
