import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitePerson } from '../../app/auth/invite-person.js';
import { grantRole } from '../../app/people/grant-role.js';
import { listClients } from '../../app/people/list-clients.js';
import { listPeople } from '../../app/people/list-people.js';
import { describeMemberships } from '../../app/people/membership-views.js';
import { removePerson } from '../../app/people/remove-person.js';
import { revokeRole } from '../../app/people/revoke-role.js';
import {
  ClientListSchema,
  InvitationSchema,
  InviteSchema,
  MembershipParamsSchema,
  MembershipSchema,
  PersonListSchema,
  PersonParamsSchema,
  RoleGrantSchema,
} from '../../contract/auth.js';
import { ProblemSchema, ReasonSchema } from '../../contract/common.js';
import { membershipJson, personJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply, sendProblem } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Reason = z.object({ reason: ReasonSchema.optional() }).strict();

/** Workspace administration: people, their roles, and the clients roles are given on. */
export const peopleRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const origin = (req: { protocol: string; host: string }) => deps.publicUrl ?? `${req.protocol}://${req.host}`;

    app.get(
      '/people',
      {
        schema: {
          tags: ['people'],
          summary: 'Everyone in the workspace with their roles (admins)',
          response: { 200: PersonListSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await listPeople(deps.app, { actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        const reads = deps.app.store.reads;
        const items = [];
        for (const p of r.value) items.push(personJson(p.user, await describeMemberships(reads, p.memberships)));
        return { items };
      },
    );

    app.post(
      '/people/invites',
      {
        schema: {
          tags: ['people'],
          summary: 'Invite a person with roles (admins); returns the link to send them',
          body: InviteSchema,
          response: { 201: InvitationSchema, ...refusals },
        },
      },
      async (req, res) => {
        const actor = actorOf(req);
        const r = await invitePerson(deps.app, { actor, ...req.body });
        return reply(res, r, (v) => ({ userId: v.user.id, inviteUrl: `${origin(req)}/invite/${v.token}`, expiresAt: v.expiresAt }), 201);
      },
    );

    app.post(
      '/people/:userId/roles',
      {
        schema: {
          tags: ['people'],
          summary: 'Give a person a role on a client (all its programs) or on one program (admins)',
          params: PersonParamsSchema,
          body: RoleGrantSchema,
          response: { 201: MembershipSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await grantRole(deps.app, { actor: actorOf(req), userId: req.params.userId, ...req.body });
        if (!r.ok) return sendProblem(res, r.error);
        const [view] = await describeMemberships(deps.app.store.reads, [r.value]);
        return res.code(201).send(membershipJson(view as NonNullable<typeof view>));
      },
    );

    app.delete(
      '/roles/:membershipId',
      {
        schema: {
          tags: ['people'],
          summary: 'Take a role away (admins)',
          params: MembershipParamsSchema,
          // A DELETE usually has no body at all: Fastify hands the validator null then.
          body: Reason.nullish(),
          response: { 200: z.object({ ok: z.literal(true) }), ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await revokeRole(deps.app, { actor: actorOf(req), membershipId: req.params.membershipId, reason: req.body?.reason }),
          () => ({
            ok: true as const,
          }),
        ),
    );

    app.delete(
      '/people/:userId',
      {
        schema: {
          tags: ['people'],
          summary: "Remove a person's access: roles, sessions and tokens end at once (admins)",
          params: PersonParamsSchema,
          // A DELETE usually has no body at all: Fastify hands the validator null then.
          body: Reason.nullish(),
          response: { 200: z.object({ ok: z.literal(true) }), ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await removePerson(deps.app, { actor: actorOf(req), userId: req.params.userId, reason: req.body?.reason }), () => ({
          ok: true as const,
        })),
    );

    app.get(
      '/clients',
      { schema: { tags: ['people'], summary: 'The clients (admins)', response: { 200: ClientListSchema, ...refusals } } },
      async (req, res) =>
        reply(res, await listClients(deps.app, { actor: actorOf(req) }), (items) => ({
          items: items.map((c) => ({ id: c.id, name: c.name, country: c.country })),
        })),
    );
  };
