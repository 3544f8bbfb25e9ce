import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listUsers } from '../../app/list-users.js';
import { UserListSchema } from '../../contract/user.js';
import { userJson } from '../../present/api-json.js';
import type { HttpDeps } from '../http-deps.js';

export const userRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      { schema: { tags: ['people'], summary: 'People who can own items', response: { 200: UserListSchema } } },
      async () => ({ items: (await listUsers(deps.app)).map(userJson) }),
    );
  };
