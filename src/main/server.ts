import { hostname } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createSetupLink } from '../app/auth/create-setup-link.js';
import { loadDemo } from '../app/demo/load-demo.js';
import { type WorkspaceContents, workspaceContents } from '../app/demo/workspace-contents.js';
import { programCalendarSpec } from '../app/views.js';
import { type Config, ConfigError } from '../config/config.js';
import { buildApp } from '../http/build-app.js';
import { textLogStream } from '../http/text-log.js';
import { startOutboxDelivery } from '../jobs/outbox-delivery.js';
import { compose, docsDir, packageVersion, webDir } from './compose.js';
import { startJobs } from './start-jobs.js';
import { startHolidayWarmer } from './warm-holidays.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** On first start, while no admin exists: the one-time link that creates the first admin. */
  readonly setupUrl: string | null;
  /** The demo portfolio (and its sign-in accounts) is loaded. */
  readonly isDemo: boolean;
  /** The demo was asked for, but the database already held this and it was not loaded; null otherwise. */
  readonly demoNotLoaded: WorkspaceContents | null;
  stop(): Promise<void>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

/**
 * Starts Tollgate: migrate, optionally load the demo, listen; stop() lets in-flight requests
 * finish, then closes the database.
 */
export interface StartOptions {
  /** Load the demo into an empty database (default: config.demo). */
  readonly demo?: boolean;
  /** Compute every year's holidays ahead on a worker (default: config.warmHolidays, TOLLGATE_WARM_HOLIDAYS). */
  readonly warmHolidays?: boolean;
  /** Run the background jobs (src/jobs/) beside HTTP (default: config.jobs, TOLLGATE_JOBS). */
  readonly jobs?: boolean;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const demo = opts.demo ?? config.demo;
  if (demo && !loopback.test(config.host)) {
    throw new ConfigError(
      `The demo (with its published passwords) serves on loopback only; HOST=${config.host} is refused. Unset HOST or use 127.0.0.1.`,
    );
  }
  const composed = await compose({ ...config, demo });
  // Lines for people go to stdout as pino's own records do: written at once, in order, nothing lost on exit.
  const lines = config.logFormat === 'text' ? pino.destination({ dest: 1, sync: true }) : undefined;
  let accepting = true;
  const app = await buildApp(
    {
      app: composed.deps,
      publicUrl: config.publicUrl,
      oidc: config.oidc,
      webDir,
      docsDir,
      version: packageVersion(),
      intakeRateLimits: config.intakeRateLimits,
      evidenceMaxBytes: config.evidenceMaxBytes,
      events: config.events,
    },
    {
      logger: {
        level: config.logLevel,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        ...(lines ? { stream: textLogStream(lines, { withStack: config.logLevel === 'debug' || config.logLevel === 'trace' }) } : {}),
      },
      requestLines: lines,
      isAccepting: () => accepting,
      trustProxy: config.trustProxy,
      admission: config.admission,
      keptAnswerBytes: config.keptAnswersMb * 2 ** 20,
    },
  );
  const log = app.log;
  log.info({ database: composed.deps.store.dialect, location: composed.location, migrated: composed.migrated }, 'database ready');
  let demoNotLoaded: WorkspaceContents | null = null;
  if (demo) {
    const held = await workspaceContents(composed.deps);
    if (held.programs === 0) {
      const started = Date.now();
      const r = await loadDemo(composed.deps, { now: composed.deps.clock.now() });
      if (r.ok) log.info({ ...r.value, ms: Date.now() - started }, 'demo portfolio loaded');
      else log.info({ code: r.error.code }, r.error.message);
    } else {
      // Said in the banner, with how to start afresh.
      demoNotLoaded = held;
    }
  }
  // A deep accept queue (the kernel caps it at net.core.somaxconn): in a burst of connections, those
  // beyond Node's default 511 would have their SYN dropped and retry seconds later instead of being
  // answered (or refused with 503 BUSY) at once.
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const setup = await createSetupLink(composed.deps);
  const setupUrl = setup ? `${config.publicUrl ?? url}/setup/${setup.token}` : null;
  if (setup) log.info({ expiresAt: setup.expiresAt }, 'no admin yet: the setup link is printed on the console');
  // V8 lets the heap grow to several times what is live when the machine has memory to spare; the
  // README's production settings bound it (NODE_OPTIONS=--max-old-space-size=256).
  log.info({ heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) }, 'JavaScript heap limit');
  // The holidays of every year in the accepted range are computed off the event loop, for the countries
  // programs use now and, checked each minute, for those of programs created later.
  const warmer =
    (opts.warmHolidays ?? config.warmHolidays) === false
      ? { stop: async () => {} }
      : startHolidayWarmer(
          async () => (await composed.deps.store.reads.listPrograms()).flatMap((p) => programCalendarSpec(p).countries),
          60_000,
          (r) => log.info(r, 'holiday calendars computed for the accepted date range'),
          (err) => log.warn({ err }, 'holiday calendars could not be computed ahead; they are computed on first use'),
        );
  // Background work (the gate readiness sweep, …): in-process on SQLite, pg-boss on PostgreSQL.
  const jobs =
    (opts.jobs ?? config.jobs)
      ? await startJobs(composed.deps, config, log).catch(async (e: unknown) => {
          await warmer.stop();
          await app.close();
          await composed.close();
          throw e;
        })
      : { stop: async () => {} };
  // nodemailer (~60 modules) is loaded only when e-mail is configured.
  const mailer = config.mail ? (await import('../jobs/smtp-mailer.js')).smtpMailer(config.mail.smtpUrl, config.mail.from) : null;
  const delivery = mailer
    ? startOutboxDelivery({
        deps: composed.deps,
        mailer,
        workerId: `${hostname()}:${process.pid}:${composed.deps.newId()}`,
        pollMs: config.outboxPollMs,
        onRound: (r) => {
          if (r.retrying > 0) log.warn({ sent: r.sent, retrying: r.retrying }, 'some e-mails were not accepted; retrying with backoff');
          else log.info({ sent: r.sent }, 'e-mails sent');
          for (const f of r.failed) log.error({ outboxId: f.id, error: f.error }, 'an e-mail failed for good after its last attempt');
        },
        onDigests: (queued) => log.info({ queued }, 'daily digests queued'),
        onError: (err) => log.warn({ err }, 'e-mail delivery failed; trying again at the next poll'),
      })
    : null;
  if (!config.mail) log.info('e-mail is off (set TOLLGATE_SMTP_URL and TOLLGATE_MAIL_FROM to send notices by e-mail)');
  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    setupUrl,
    isDemo: demo && (await composed.deps.store.reads.findUserByEmail('admin@demo.test')) !== null,
    demoNotLoaded,
    stop: () => {
      stopping ??= (async () => {
        accepting = false;
        await warmer.stop();
        // Running handlers finish (or, on PostgreSQL, go back to the queue) before the database closes.
        await jobs.stop();
        await delivery?.stop();
        mailer?.close();
        await app.close();
        await composed.close();
      })();
      return stopping;
    },
  };
}
