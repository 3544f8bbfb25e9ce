import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { dateRange } from '../domain/date-range.js';
import { evidenceFileLimits } from '../domain/gates/evidence-file.js';
import { isPlainDate } from '../domain/plain-date.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
/** A flag that is on unless turned off (0, false, no). */
const onFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => !(v === '0' || v === 'false' || v === 'no'));

/**
 * Which proxies in front of Tollgate to believe about the client's address (X-Forwarded-For): none
 * (unset, `0`, `false`, `no`), a number of hops (`1`: the one proxy in front; the address it saw
 * is used, whatever the client put before it), or the proxies' own addresses and networks
 * (`10.0.0.0/8, ::1`, or proxy-addr's `loopback`, `linklocal`, `uniquelocal`). "Any proxy" (`true`)
 * is refused: anyone could then choose the address the per-address sign-in limit counts.
 */
export type TrustProxy = false | number | readonly string[];

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string): boolean => {
  if (proxyNames.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
};

const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const v = (raw ?? '').trim().toLowerCase();
    if (v === '' || v === '0' || v === 'false' || v === 'no') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((s) => s.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      const any = v === 'true' || v === 'yes';
      ctx.addIssue({
        code: 'custom',
        message: any
          ? 'trusting any proxy is no longer possible (anyone could choose their address); give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.5, 10.1.0.0/16)'
          : `must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or networks (e.g. 10.0.0.5, 10.1.0.0/16); not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * The instant the clock starts at (TOLLGATE_NOW), for demos and tests at a fixed moment: an ISO
 * instant with its offset (2026-10-01T09:00:00+08:00 or …Z), inside the date range Tollgate keeps.
 */
const startInstant = z
  .string()
  .optional()
  .transform((raw, ctx): Date | undefined => {
    const v = (raw ?? '').trim();
    if (v === '') return undefined;
    const iso = z.iso.datetime({ offset: true }).safeParse(v);
    // Date.parse rolls 30 February over into March: the written day must be a real one.
    const t = iso.success && isPlainDate(v.slice(0, 10)) ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(t)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an ISO instant with its offset, e.g. 2026-10-01T09:00:00+08:00 or 2026-10-01T01:00:00Z; not ${JSON.stringify(v)}`,
      });
      return z.NEVER;
    }
    const day = new Date(t).toISOString().slice(0, 10);
    if (day < dateRange.min || day > dateRange.max) {
      ctx.addIssue({ code: 'custom', message: `must lie from ${dateRange.min} to ${dateRange.max}; not ${v}` });
      return z.NEVER;
    }
    return new Date(t);
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_DATA_DIR: z.string().min(1).default('./data'),
  TOLLGATE_DEMO: flag,
  TOLLGATE_NOW: startInstant,
  TOLLGATE_WARM_HOLIDAYS: onFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['text', 'json'], { error: 'must be text (one short line per request, for people) or json (JSON lines, for log collectors)' })
    .default('text'),
  TOLLGATE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  TOLLGATE_HTTP_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  TOLLGATE_MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(16),
  TOLLGATE_MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(500),
  TOLLGATE_MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(3_000),
  TOLLGATE_KEPT_ANSWERS_MB: z.coerce.number().int().min(0).max(4_096).default(32),
  TOLLGATE_EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(evidenceFileLimits.largestMaxBytes)
    .default(evidenceFileLimits.defaultMaxBytes),
  TOLLGATE_EVENTS_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  TOLLGATE_EVENT_STREAMS: z.coerce.number().int().min(0).max(100_000).default(500),
  TOLLGATE_EVENT_STREAMS_PER_PERSON: z.coerce.number().int().min(1).max(100).default(5),
  TOLLGATE_READINESS_SWEEP_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  TOLLGATE_JOBS: z
    .enum(['on', 'off'], { error: 'must be on (this instance runs the background jobs) or off (it serves HTTP only)' })
    .default('on'),
  TOLLGATE_INTAKE_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  TOLLGATE_INTAKE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  TOLLGATE_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  TOLLGATE_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .regex(
      /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address, e.g. tollgate@example.com or "Tollgate <tollgate@example.com>"',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  TOLLGATE_TRUST_PROXY: trustProxy,
  TOLLGATE_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the issuer URL' }).optional(),
  TOLLGATE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  TOLLGATE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  TOLLGATE_OIDC_NAME: z.string().min(1).default('your company account'),
  TOLLGATE_AS: z
    .email('must be the email of a person in Tollgate')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_CONFIG_DIR: z
    .string()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_SERVER: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) address of a Tollgate server' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TOLLGATE_TOKEN: z
    .string()
    .regex(/^tgt_[A-Za-z0-9_-]{20,}$/, 'must be a personal API token (tgt_…), as `tollgate token create` prints it')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly demo: boolean;
  /**
   * Where the clock starts (TOLLGATE_NOW): the server, the demo and the CLI see this instant at start
   * and time runs on from it; undefined: the machine's clock. For demos and tests at a fixed moment.
   */
  readonly now: Date | undefined;
  /**
   * Whether the server computes every year's public holidays ahead, on a worker, at start and each
   * minute (TOLLGATE_WARM_HOLIDAYS, on by default). Off: each year is computed in the first request
   * that needs it (up to a few seconds for a far year of a lunar-calendar country). For short-lived
   * instances such as tests.
   */
  readonly warmHolidays: boolean;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** How the server logs (LOG_FORMAT): `text`, one short line per request for people; `json`, pino's JSON lines. */
  readonly logFormat: 'text' | 'json';
  readonly shutdownTimeoutMs: number;
  /** How long the command line waits for a server's answer before it gives up (TOLLGATE_HTTP_TIMEOUT_MS). */
  readonly httpTimeoutMs: number;
  /**
   * API admission control (http/admission.ts): requests worked on at once (TOLLGATE_MAX_ACTIVE_REQUESTS),
   * waiting for a turn (TOLLGATE_MAX_QUEUED_REQUESTS) and the longest wait (TOLLGATE_MAX_QUEUE_WAIT_MS);
   * beyond them a request is answered 503 BUSY with Retry-After.
   */
  readonly admission: { readonly active: number; readonly queued: number; readonly waitMs: number };
  /** Megabytes of answers of program reads an instance keeps as sent (http/kept-answers.ts); 0 keeps none (TOLLGATE_KEPT_ANSWERS_MB). */
  readonly keptAnswersMb: number;
  /** The largest evidence file taken, in bytes (TOLLGATE_EVIDENCE_MAX_BYTES: 25 MB by default, at most 256 MB). */
  readonly evidenceMaxBytes: number;
  /**
   * Live updates (GET /api/v1/events, http/events/): how often an instance's one poller reads the database
   * (TOLLGATE_EVENTS_POLL_MS), streams open at once per instance (TOLLGATE_EVENT_STREAMS) and per person
   * (TOLLGATE_EVENT_STREAMS_PER_PERSON); beyond them a stream is refused.
   */
  readonly events: { readonly pollMs: number; readonly streams: number; readonly streamsPerPerson: number };
  /** How often the server checks every gate's readiness for notices (TOLLGATE_READINESS_SWEEP_MS); 0: never. */
  readonly readinessSweepMs: number;
  /**
   * Whether `serve` runs the background jobs (src/jobs/) beside HTTP (TOLLGATE_JOBS=on, the default) or serves
   * HTTP only (off). On PostgreSQL any number of instances may run them: each slot runs once.
   */
  readonly jobs: boolean;
  /**
   * How often the public intake form may be used, on each instance: submissions per link an hour
   * (TOLLGATE_INTAKE_SUBMISSIONS_PER_HOUR) and requests per client address a minute (TOLLGATE_INTAKE_REQUESTS_PER_MINUTE).
   */
  readonly intakeRateLimits: { readonly submissionsPerHour: number; readonly requestsPerMinute: number };
  /** The address people reach Tollgate at (links in invites and intake links, the OIDC redirect); https makes cookies Secure. */
  readonly publicUrl: string | undefined;
  /**
   * E-mail (TOLLGATE_SMTP_URL, TOLLGATE_MAIL_FROM): where mail is sent and whom it is from; undefined: e-mail is
   * off (no mail is queued). `outboxPollMs` (TOLLGATE_OUTBOX_POLL_MS): how often the delivery worker looks for due mail.
   */
  readonly mail: MailConfig | undefined;
  readonly outboxPollMs: number;
  /** Which reverse proxies' X-Forwarded-For to believe (see TrustProxy); false: none, the peer is the client. */
  readonly trustProxy: TrustProxy;
  readonly oidc: OidcConfig | undefined;
  /** Whom command-line writes on the database are recorded as (the CLI's --as). */
  readonly actAs: string | undefined;
  /** Where `tollgate login` keeps its credentials (credentials.json): $TOLLGATE_CONFIG_DIR or ~/.config/tollgate. */
  readonly configDir: string;
  /** The Tollgate server the CLI talks to over HTTP instead of the database (the CLI's --server). */
  readonly server: string | undefined;
  /** A personal API token for that server, instead of the one `tollgate login` stored. Never logged. */
  readonly token: string | undefined;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  /** Shown on the sign-in button: "Sign in with …". */
  readonly name: string;
}

export interface MailConfig {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start), with user and password in it. Never logged. */
  readonly smtpUrl: string;
  readonly from: string;
}

export class ConfigError extends Error {}

/** The process's environment, for what hands it on (the CLI's terminal); this module is the only reader. */
export const processEnv = (): NodeJS.ProcessEnv => process.env;

/** The only reader of process.env: parses and validates it once, naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TOLLGATE_AS && e.TOLLGATE_SERVER) {
    throw new ConfigError(
      'Invalid environment:\n  TOLLGATE_AS: acts on the database directly; it cannot be combined with TOLLGATE_SERVER (there you act as the signed-in person)',
    );
  }
  if (e.TOLLGATE_OIDC_ISSUER && !e.TOLLGATE_OIDC_CLIENT_ID) {
    throw new ConfigError('Invalid environment:\n  TOLLGATE_OIDC_CLIENT_ID: required when TOLLGATE_OIDC_ISSUER is set');
  }
  if (e.TOLLGATE_SMTP_URL && !e.TOLLGATE_MAIL_FROM) {
    throw new ConfigError(
      'Invalid environment:\n  TOLLGATE_MAIL_FROM: required when TOLLGATE_SMTP_URL is set (the From address of the e-mails, e.g. tollgate@example.com)',
    );
  }
  // E-mails carry links: without the address people reach Tollgate at, they would point nowhere.
  if (e.TOLLGATE_SMTP_URL && !e.TOLLGATE_PUBLIC_URL) {
    throw new ConfigError(
      'Invalid environment:\n  TOLLGATE_PUBLIC_URL: required when TOLLGATE_SMTP_URL is set (e-mails link to Tollgate at this address, e.g. https://tollgate.example.com)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TOLLGATE_DATA_DIR,
    demo: e.TOLLGATE_DEMO,
    now: e.TOLLGATE_NOW,
    warmHolidays: e.TOLLGATE_WARM_HOLIDAYS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    shutdownTimeoutMs: e.TOLLGATE_SHUTDOWN_TIMEOUT_MS,
    httpTimeoutMs: e.TOLLGATE_HTTP_TIMEOUT_MS,
    admission: { active: e.TOLLGATE_MAX_ACTIVE_REQUESTS, queued: e.TOLLGATE_MAX_QUEUED_REQUESTS, waitMs: e.TOLLGATE_MAX_QUEUE_WAIT_MS },
    keptAnswersMb: e.TOLLGATE_KEPT_ANSWERS_MB,
    evidenceMaxBytes: e.TOLLGATE_EVIDENCE_MAX_BYTES,
    events: { pollMs: e.TOLLGATE_EVENTS_POLL_MS, streams: e.TOLLGATE_EVENT_STREAMS, streamsPerPerson: e.TOLLGATE_EVENT_STREAMS_PER_PERSON },
    readinessSweepMs: e.TOLLGATE_READINESS_SWEEP_MS,
    jobs: e.TOLLGATE_JOBS === 'on',
    intakeRateLimits: {
      submissionsPerHour: e.TOLLGATE_INTAKE_SUBMISSIONS_PER_HOUR,
      requestsPerMinute: e.TOLLGATE_INTAKE_REQUESTS_PER_MINUTE,
    },
    publicUrl: e.TOLLGATE_PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.TOLLGATE_TRUST_PROXY,
    mail: e.TOLLGATE_SMTP_URL && e.TOLLGATE_MAIL_FROM ? { smtpUrl: e.TOLLGATE_SMTP_URL, from: e.TOLLGATE_MAIL_FROM } : undefined,
    outboxPollMs: e.TOLLGATE_OUTBOX_POLL_MS,
    actAs: e.TOLLGATE_AS,
    configDir: e.TOLLGATE_CONFIG_DIR ?? join(homedir(), '.config', 'tollgate'),
    server: e.TOLLGATE_SERVER?.replace(/\/+$/, ''),
    token: e.TOLLGATE_TOKEN,
    oidc: e.TOLLGATE_OIDC_ISSUER
      ? {
          issuer: e.TOLLGATE_OIDC_ISSUER,
          clientId: e.TOLLGATE_OIDC_CLIENT_ID ?? '',
          clientSecret: e.TOLLGATE_OIDC_CLIENT_SECRET,
          name: e.TOLLGATE_OIDC_NAME,
        }
      : undefined,
  };
}
