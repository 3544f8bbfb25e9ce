import type { FastifyRequest } from 'fastify';
import type { Actor, AppDeps } from '../app/deps.js';

export interface HttpDeps {
  readonly app: AppDeps;
  /** Who is asking. Sign-in replaces this resolver; routes only ever call it. */
  readonly actorOf: (req: FastifyRequest) => Promise<Actor>;
  /** Directory of the built web app, served at /; absent in API-only tests. */
  readonly webDir?: string | undefined;
  /** Directory holding errors.md, served at /docs/errors. */
  readonly docsDir?: string | undefined;
  readonly version: string;
}
