import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ErrorCode } from '../domain/errors.js';
import type { HttpDeps } from './http-deps.js';
import { sendProblem } from './problem.js';
import { changeRoutes } from './routes/changes.js';
import { milestoneRoutes } from './routes/milestones.js';
import { programRoutes } from './routes/programs.js';
import { userRoutes } from './routes/users.js';

export interface BuildOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** Reports whether the process is accepting work (false while shutting down). */
  readonly isAccepting?: () => boolean;
}

const fieldPath = (instancePath: string, context: string | undefined) =>
  instancePath.replace(/^\//, '').replace(/\//g, '.') || (context ?? 'body');

/** Builds the HTTP app around its dependencies; tests call inject(), main/ calls listen(). */
export async function buildApp(deps: HttpDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    forceCloseConnections: 'idle',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Swagger UI sets style attributes; the web app itself uses stylesheets only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tollgate API',
        version: deps.version,
        description:
          'Production milestone management. Errors are application/problem+json (RFC 9457) with a stable `code`; see docs/errors.md.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, res) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: fieldPath(v.instancePath, err.validationContext),
        message: v.message ?? 'is not valid',
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(res, { code: 'VALIDATION_FAILED', message: detail, fields: errors });
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      const code: ErrorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
      return sendProblem(res, { code, message: err instanceof Error ? err.message : String(err) });
    }
    req.log.error({ err }, 'request failed');
    return sendProblem(res, { code: 'INTERNAL', message: 'An unexpected error occurred; nothing was changed. It has been logged.' });
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, res) => {
    if (opts.isAccepting && !opts.isAccepting()) return sendProblem(res, { code: 'NOT_READY', message: 'Shutting down.' });
    try {
      await deps.app.store.ping();
      return { status: 'ready', database: deps.app.store.dialect };
    } catch {
      return sendProblem(res, { code: 'NOT_READY', message: 'The database does not answer.' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Problem documents' `type` points here: the error catalogue as written in docs/errors.md.
  const errorsDoc = deps.docsDir ? join(deps.docsDir, 'errors.md') : undefined;
  if (errorsDoc && existsSync(errorsDoc)) {
    const text = readFileSync(errorsDoc, 'utf8');
    app.get('/docs/errors', { schema: { hide: true } }, async (_req, res) => res.type('text/markdown; charset=utf-8').send(text));
  }

  await app.register(
    async (api) => {
      await api.register(programRoutes(deps));
      await api.register(milestoneRoutes(deps));
      await api.register(changeRoutes(deps));
      await api.register(userRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  const webDir = deps.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.setNotFoundHandler((req, res) => {
    // The web app routes on the client: unknown page paths get its shell, API paths a problem.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
      return res.type('text/html').sendFile('index.html');
    }
    return sendProblem(res, { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}.` });
  });
  return app;
}
