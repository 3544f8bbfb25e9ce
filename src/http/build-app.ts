import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ErrorCode } from '../domain/errors.js';
import { type AdmissionLimits, defaultAdmission, registerAdmission } from './admission.js';
import { registerAuth } from './auth.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.js';
import { defaultEventLimits, EventHub } from './events/event-hub.js';
import type { HttpDeps } from './http-deps.js';
import { defaultKeptAnswerBytes, keptAnswers } from './kept-answers.js';
import { oidcRoutes } from './oidc.js';
import { operationRoutes } from './operation-routes.js';
import { RefusalError, redactUrl, sendProblem } from './problem.js';
import { authRoutes } from './routes/auth.js';
import { calendarRoutes } from './routes/calendar.js';
import { chartRoutes } from './routes/charts.js';
import { eventRoutes } from './routes/events.js';
import { evidenceFileRoutes } from './routes/evidence-files.js';
import { gatePackRoutes } from './routes/gate-pack.js';
import { intakeRoutes } from './routes/intake.js';
import { oneClickRoutes } from './routes/one-click.js';
import { portfolioPdfRoutes } from './routes/portfolio-pdf.js';
import { reportPdfRoutes } from './routes/report-pdf.js';
import { updateLinkRoutes } from './routes/update-links.js';
import { registerSecurityHeaders } from './security-headers.js';
import { type LogSink, requestLine } from './text-log.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (method, URL pattern); the authorization matrix test lists them all. */
    tollgateRoutes: { method: string; url: string }[];
  }
}

export interface BuildOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers, believing
   * that many hops or only those proxy addresses/networks (never any proxy at all: see config's TrustProxy).
   */
  readonly trustProxy?: false | number | readonly string[];
  /** Reports whether the process is accepting work (false while shutting down). */
  readonly isAccepting?: () => boolean;
  /** How much API work is taken on at once (http/admission.ts); default: defaultAdmission. */
  readonly admission?: AdmissionLimits;
  /** Bytes of program reads' answers kept as sent (http/kept-answers.ts); default: defaultKeptAnswerBytes. */
  readonly keptAnswerBytes?: number;
  /**
   * Where each answered request is written as one short line for people (LOG_FORMAT=text), at the
   * logger's info level, instead of a JSON record; absent: the JSON record ("request completed").
   */
  readonly requestLines?: LogSink;
}

const fieldPath = (instancePath: string, context: string | undefined) =>
  instancePath.replace(/^\//, '').replace(/\//g, '.') || (context ?? 'body');

/** Fastify's request log entry, with the secret of invite and setup links taken out of the URL. */
const requestLog = (req: FastifyRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  version: [req.headers['accept-version']].flat()[0],
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

function withRedactedUrls(logger: BuildOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const given = logger === true ? {} : logger;
  return { ...given, serializers: { ...given.serializers, req: requestLog } };
}

/**
 * Fastify's trust function for the configured proxies. A hop count trusts that many addresses from the
 * connection inwards (1: the peer, a proxy; the client is the last X-Forwarded-For entry, whatever the
 * client wrote before it). Fastify itself no longer takes a number (it trusts nothing then), hence the
 * function; a list goes to proxy-addr as it is.
 */
function trustedProxies(trust: false | number | readonly string[]): FastifyServerOptions['trustProxy'] {
  if (trust === false || trust === 0) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return [...trust];
}

/**
 * One log line per request, when it is answered ("request completed", with the request, status and
 * time), instead of Fastify's two: logging is a good share of a small request's cost.
 */
const infoLevels = new Set(['info', 'debug', 'trace']);

class AnsweredRequestsOnly extends LogController {
  constructor(private readonly lines: LogSink | undefined) {
    super();
  }
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, res: FastifyReply): void {
    if (error) res.log.error({ req, res, err: error, responseTime: res.elapsedTime }, 'request errored');
    else if (!this.lines) res.log.info({ req, res, responseTime: res.elapsedTime }, 'request completed');
    // Written straight to the terminal: no record is built, serialized and parsed again for a line.
    else if (infoLevels.has(res.log.level)) this.lines.write(requestLine(req.method, redactUrl(req.url), res.statusCode, res.elapsedTime));
  }
}

/** Builds the HTTP app around its dependencies; tests call inject(), main/ calls listen(). */
export async function buildApp(deps: HttpDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedactedUrls(opts.logger),
    logController: new AnsweredRequestsOnly(opts.logger ? opts.requestLines : undefined),
    forceCloseConnections: 'idle',
    trustProxy: trustedProxies(opts.trustProxy ?? false),
    bodyLimit: 1_048_576,
    // Errors raised before a route runs (bad URL, headers over the limit) are problems too, not Fastify's plain JSON.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurityHeaders(app, {
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
    if (err instanceof RefusalError) return sendProblem(res, err.refusal);
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
      const code: ErrorCode =
        status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : status === 429
              ? 'RATE_LIMITED'
              : status === 400
                ? 'MALFORMED_REQUEST'
                : 'VALIDATION_FAILED';
      return sendProblem(res, { code, message: err instanceof Error ? err.message : String(err) });
    }
    // The client left and its work stopped (request.signal): nobody is there to answer; 499 as proxies log it.
    if (err instanceof Error && err.name === 'AbortError' && req.raw.destroyed) {
      req.log.info('the client went away; its work was stopped');
      return res.code(499).send();
    }
    req.log.error({ err }, 'request failed');
    return sendProblem(res, { code: 'INTERNAL', message: 'An unexpected error occurred; nothing was changed. It has been logged.' });
  });

  registerAdmission(app, opts.admission ?? defaultAdmission);
  // Per-address request limits on the anonymous entry points (sign-in, OIDC start); the per-account
  // sign-in limit lives in the database so that it holds across instances.
  await app.register(rateLimit, { global: false });
  await registerAuth(app, deps);
  // Every route, as registered: the authorization matrix test checks that it lists them all.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('tollgateRoutes', routes);

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

  // One poller per instance feeds every live-update stream; open streams end when the server closes.
  const hub = new EventHub(deps.app, deps.events ?? defaultEventLimits, (err) => app.log.error({ err }, 'live updates could not be read'));
  app.addHook('preClose', () => hub.close());
  await app.register(oidcRoutes(deps));
  await app.register(oneClickRoutes(deps));
  await app.register(
    async (api) => {
      // Every plain JSON operation, from the contract's table; then the routes that are not one.
      await api.register(
        operationRoutes(
          deps,
          keptAnswers(opts.keptAnswerBytes ?? defaultKeptAnswerBytes, () => deps.app.clock.now().getTime()),
        ),
      );
      await api.register(chartRoutes(deps));
      await api.register(gatePackRoutes(deps));
      await api.register(reportPdfRoutes(deps));
      await api.register(portfolioPdfRoutes(deps));
      await api.register(evidenceFileRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(authRoutes(deps));
      await api.register(intakeRoutes(deps));
      await api.register(updateLinkRoutes(deps));
      await api.register(eventRoutes(hub));
    },
    { prefix: '/api/v1' },
  );

  const webDir = deps.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // The build names each asset by its content's hash, so an asset never changes under its name: a
      // browser keeps it for a year without asking again. The page shell (index.html) is always revalidated.
      setHeaders: (res, path) => {
        if (path.includes(`${sep}assets${sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  app.setNotFoundHandler((req, res) => {
    // The web app routes on the client: unknown page paths get its shell, API paths a problem.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
      return res.type('text/html').sendFile('index.html');
    }
    return sendProblem(res, { code: 'NOT_FOUND', message: `No route ${req.method} ${redactUrl(req.url.split('?')[0] ?? '')}.` });
  });
  return app;
}
