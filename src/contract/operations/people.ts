import { z } from 'zod';
import {
  ApiTokenListSchema,
  CreatedTokenSchema,
  CreateTokenSchema,
  InvitationSchema,
  InviteSchema,
  MembershipParamsSchema,
  MembershipSchema,
  MeSchema,
  PersonListSchema,
  PersonParamsSchema,
  RoleGrantSchema,
  TokenParamsSchema,
  UpdateMeSchema,
} from '../auth.js';
import { ReasonSchema } from '../common.js';
import { defineOperations, writeRefusals } from '../operation.js';

const tags = ['people'];
const Ok = z.object({ ok: z.literal(true) });
// A DELETE usually has no body at all: Fastify hands the validator null then.
const Reason = z.object({ reason: ReasonSchema.optional() }).strict().nullish();

/** Workspace administration (people, roles, clients), one's own name, time zone and API tokens. */
export const peopleOperations = defineOperations({
  listPeople: {
    method: 'GET',
    path: '/people',
    tags,
    summary: 'Everyone in the workspace with their roles (admins)',
    status: 200,
    response: PersonListSchema,
    refusals: writeRefusals,
  },
  invitePerson: {
    method: 'POST',
    path: '/people/invites',
    tags,
    summary: 'Invite a person with roles (admins); returns the link to send them',
    body: InviteSchema,
    status: 201,
    response: InvitationSchema,
    refusals: writeRefusals,
  },
  grantRole: {
    method: 'POST',
    path: '/people/:userId/roles',
    tags,
    summary: 'Give a person a role on a client (all its programs) or on one program (admins)',
    params: PersonParamsSchema,
    body: RoleGrantSchema,
    status: 201,
    response: MembershipSchema,
    refusals: writeRefusals,
  },
  revokeRole: {
    method: 'DELETE',
    path: '/roles/:membershipId',
    tags,
    summary: 'Take a role away (admins)',
    params: MembershipParamsSchema,
    body: Reason,
    status: 200,
    response: Ok,
    refusals: writeRefusals,
  },
  removePerson: {
    method: 'DELETE',
    path: '/people/:userId',
    tags,
    summary: "Remove a person's access: roles, sessions and tokens end at once (admins)",
    params: PersonParamsSchema,
    body: Reason,
    status: 200,
    response: Ok,
    refusals: writeRefusals,
  },
  updateMe: {
    method: 'PATCH',
    path: '/me',
    tags: ['me'],
    summary: 'Change your own name or time zone (every instant is shown to you in it); answers as GET /me',
    body: UpdateMeSchema,
    status: 200,
    response: MeSchema,
    refusals: [400, 401, 403, 409, 422],
  },
  listTokens: {
    method: 'GET',
    path: '/me/tokens',
    tags: ['me'],
    summary: 'Your personal API tokens (never their secrets)',
    status: 200,
    response: ApiTokenListSchema,
    refusals: [401],
  },
  createToken: {
    method: 'POST',
    path: '/me/tokens',
    tags: ['me'],
    summary: 'Create a personal API token; use it as `Authorization: Bearer <token>`',
    body: CreateTokenSchema,
    status: 201,
    response: CreatedTokenSchema,
    refusals: [400, 401, 403],
  },
  revokeToken: {
    method: 'DELETE',
    path: '/me/tokens/:tokenId',
    tags: ['me'],
    summary: 'Revoke one of your API tokens',
    params: TokenParamsSchema,
    status: 200,
    response: Ok,
    refusals: [401, 403, 404],
  },
});
