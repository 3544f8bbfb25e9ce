import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvite } from '../../app/auth/accept-invite.js';
import { changePassword } from '../../app/auth/change-password.js';
import { showInvite } from '../../app/auth/show-invite.js';
import { signIn } from '../../app/auth/sign-in.js';
import { signOut } from '../../app/auth/sign-out.js';
import { getMe } from '../../app/people/get-me.js';
import {
  AcceptInviteSchema,
  AuthConfigSchema,
  ChangePasswordSchema,
  InviteInfoSchema,
  InviteTokenParamsSchema,
  LoginSchema,
  MeSchema,
  PasswordChangedSchema,
} from '../../contract/auth.js';
import { ProblemSchema } from '../../contract/common.js';
import { meJson } from '../../present/api-json.js';
import { actorOf, clearSessionCookie, setSessionCookie } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';

const Ok = z.object({ ok: z.literal(true) });
const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 410: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

export const authRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/auth/config',
      {
        schema: {
          tags: ['sign-in'],
          summary: 'How people can sign in here (password, identity provider)',
          response: { 200: AuthConfigSchema },
        },
      },
      async () => ({ password: true, oidc: deps.oidc ? { name: deps.oidc.name, startUrl: '/auth/oidc/start' } : null }),
    );

    app.post(
      '/auth/login',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['sign-in'],
          summary: 'Sign in with email and password; sets the session cookie',
          body: LoginSchema,
          response: { 200: MeSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await signIn(deps.app, { email: req.body.email, password: req.body.password, address: req.ip });
        if (!r.ok) {
          if (r.error.code === 'RATE_LIMITED') res.header('retry-after', '900');
          return sendProblem(res, r.error);
        }
        setSessionCookie(req, res, r.value, deps);
        const user = await deps.app.store.reads.findUser(r.value.userId);
        if (!user) throw new Error('signed-in person vanished');
        const me = await getMe(deps.app, { actor: { ...user, memberships: await deps.app.store.reads.listMemberships(user.id) } });
        return meJson(me, { csrfToken: r.value.csrfToken });
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['sign-in'], summary: 'Sign out: ends this browser session', response: { 200: Ok } } },
      async (req, res) => {
        if (req.auth?.session) await signOut(deps.app, { sessionId: req.auth.session.id });
        clearSessionCookie(req, res, deps.publicUrl);
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['me'], summary: 'Who is signed in, with their roles', response: { 200: MeSchema, 401: ProblemSchema } } },
      async (req) => {
        const actor = actorOf(req);
        return meJson(await getMe(deps.app, { actor }), req.auth?.session ?? undefined);
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags: ['me'],
          summary: 'Change your password: your other sessions end and your API tokens are revoked',
          body: ChangePasswordSchema,
          response: { 200: PasswordChangedSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await changePassword(deps.app, {
          actor: actorOf(req),
          currentPassword: req.body.currentPassword,
          newPassword: req.body.newPassword,
          keepSessionId: req.auth?.session?.id ?? null,
        });
        if (r.ok) return r.value;
        if (r.error.code === 'RATE_LIMITED') res.header('retry-after', '900');
        return sendProblem(res, r.error);
      },
    );

    app.get(
      '/invites/:token',
      {
        schema: {
          tags: ['sign-in'],
          summary: 'What an invite or setup link is for',
          params: InviteTokenParamsSchema,
          response: { 200: InviteInfoSchema, 410: ProblemSchema },
        },
      },
      async (req, res) => {
        const r = await showInvite(deps.app, { token: req.params.token });
        if (!r.ok) return sendProblem(res, r.error);
        return {
          purpose: r.value.invite.purpose,
          email: r.value.user?.email ?? null,
          name: r.value.user?.name ?? null,
          expiresAt: r.value.invite.expiresAt,
        };
      },
    );

    app.post(
      '/invites/:token/accept',
      {
        schema: {
          tags: ['sign-in'],
          summary: 'Accept an invite (or the setup link): set a password and sign in',
          params: InviteTokenParamsSchema,
          body: AcceptInviteSchema,
          response: { 200: MeSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await acceptInvite(deps.app, { token: req.params.token, ...req.body });
        if (!r.ok) return sendProblem(res, r.error);
        setSessionCookie(req, res, r.value, deps);
        const reads = deps.app.store.reads;
        const user = await reads.findUser(r.value.userId);
        if (!user) throw new Error('invited person vanished');
        const me = await getMe(deps.app, { actor: { ...user, memberships: await reads.listMemberships(user.id) } });
        return meJson(me, { csrfToken: r.value.csrfToken });
      },
    );
  };
