import { createApiToken } from '../app/auth/create-api-token.js';
import { invitePerson } from '../app/auth/invite-person.js';
import { listApiTokens } from '../app/auth/list-api-tokens.js';
import { revokeApiToken } from '../app/auth/revoke-api-token.js';
import { grantRole } from '../app/people/grant-role.js';
import { listPeople } from '../app/people/list-people.js';
import { describeMemberships } from '../app/people/membership-views.js';
import { removePerson } from '../app/people/remove-person.js';
import { revokeRole } from '../app/people/revoke-role.js';
import { updateMe } from '../app/people/update-me.js';
import type { peopleOperations } from '../contract/operations/people.js';
import { ok, refuse } from '../domain/result.js';
import { apiTokenJson, meJson, membershipJson, personJson } from '../present/api-json.js';
import { type Bindings, done, presented } from './binding.js';

/** Workspace administration, one's own account and API tokens (contract/operations/people.ts). */
export const peopleBindings: Bindings<keyof typeof peopleOperations> = {
  listPeople: async ({ app, actor }) => {
    const r = await listPeople(app, { actor });
    if (!r.ok) return r;
    const items = [];
    for (const p of r.value) items.push(personJson(p.user, await describeMemberships(app.store.reads, p.memberships)));
    return ok({ items, isMailOn: app.mail !== undefined });
  },

  invitePerson: async ({ app, actor, origin }, { body }) => {
    if (!origin) return refuse('VALIDATION_FAILED', 'An invite link needs the address people open Tollgate at.');
    return presented(await invitePerson(app, { actor, ...body }), (v) => ({
      userId: v.user.id,
      inviteUrl: `${origin}/invite/${v.token}`,
      expiresAt: v.expiresAt,
    }));
  },

  grantRole: async ({ app, actor }, { params, body }) => {
    const r = await grantRole(app, { actor, userId: params.userId, ...body });
    if (!r.ok) return r;
    const [view] = await describeMemberships(app.store.reads, [r.value]);
    return ok(membershipJson(view as NonNullable<typeof view>));
  },

  revokeRole: async ({ app, actor }, { params, body }) =>
    done(await revokeRole(app, { actor, membershipId: params.membershipId, reason: body?.reason })),

  removePerson: async ({ app, actor }, { params, body }) =>
    done(await removePerson(app, { actor, userId: params.userId, reason: body?.reason })),

  updateMe: async ({ app, actor, session }, { body }) => presented(await updateMe(app, { actor, ...body }), (v) => meJson(v, session)),

  listTokens: async ({ app, actor }) => ok({ items: (await listApiTokens(app, { actor })).map(apiTokenJson) }),

  createToken: async ({ app, actor }, { body }) =>
    presented(await createApiToken(app, { actor, ...body }), (v) => ({ token: v.token, item: apiTokenJson(v.record) })),

  revokeToken: async ({ app, actor }, { params }) => done(await revokeApiToken(app, { actor, tokenId: params.tokenId })),
};
