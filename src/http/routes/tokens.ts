import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../app/auth/create-api-token.js';
import { listApiTokens } from '../../app/auth/list-api-tokens.js';
import { revokeApiToken } from '../../app/auth/revoke-api-token.js';
import { ApiTokenListSchema, CreatedTokenSchema, CreateTokenSchema, TokenParamsSchema } from '../../contract/auth.js';
import { ProblemSchema } from '../../contract/common.js';
import { apiTokenJson } from '../../present/api-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply } from '../problem.js';

export const tokenRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/tokens',
      {
        schema: {
          tags: ['me'],
          summary: 'Your personal API tokens (never their secrets)',
          response: { 200: ApiTokenListSchema, 401: ProblemSchema },
        },
      },
      async (req) => ({ items: (await listApiTokens(deps.app, { actor: actorOf(req) })).map(apiTokenJson) }),
    );

    app.post(
      '/me/tokens',
      {
        schema: {
          tags: ['me'],
          summary: 'Create a personal API token; use it as `Authorization: Bearer <token>`',
          body: CreateTokenSchema,
          response: { 201: CreatedTokenSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(
          res,
          await createApiToken(deps.app, { actor: actorOf(req), ...req.body }),
          (v) => ({ token: v.token, item: apiTokenJson(v.record) }),
          201,
        ),
    );

    app.delete(
      '/me/tokens/:tokenId',
      {
        schema: {
          tags: ['me'],
          summary: 'Revoke one of your API tokens',
          params: TokenParamsSchema,
          response: { 200: z.object({ ok: z.literal(true) }), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, res) =>
        reply(res, await revokeApiToken(deps.app, { actor: actorOf(req), tokenId: req.params.tokenId }), () => ({ ok: true as const })),
    );
  };
