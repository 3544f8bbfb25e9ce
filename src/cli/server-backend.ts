import { openAsBlob } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Me } from '../contract/auth.js';
import type { OperationContract } from '../contract/operation.js';
import { operationPath, operationQuery } from '../contract/operation.js';
import { type OperationName, operationNames, operations } from '../contract/operations.js';
import type { ErrorCode } from '../domain/errors.js';
import { ok, type Refusal, type Result } from '../domain/result.js';
import type {
  ApiTokenJson,
  Backend,
  CreatedTokenJson,
  EvidenceJson,
  LoadedSchedule,
  MeJson,
  OperationCall,
  OperationCalls,
} from './backend.js';
import { terminalConfig } from './terminal.js';

// The commands over the HTTP API: the same JSON, the same refusals (problem+json turned back into
// the code, message and fields the CLI prints), so a command cannot tell which backend it has.

const sessionCookie = 'tollgate_session';

/** One request to the API, relative to /api/v1. */
interface Request {
  readonly method: OperationContract['method'];
  /** With its query string, if any. */
  readonly path: string;
  readonly body?: unknown;
  /** A multipart/form-data body instead of JSON (fetch sets its boundary). */
  readonly form?: FormData;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A refusal for an answer without a problem document (a proxy, another server, or one shutting down). */
function bareRefusal(server: string, status: number): Refusal {
  if (status === 503)
    return { code: 'NOT_READY', message: `The Tollgate server at ${server} is not ready (starting or shutting down); try again.` };
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return { code, message: `${server} answered HTTP ${status} without a Tollgate problem document; is it a Tollgate server?` };
}

/** The problem+json document of a refused request as the refusal the commands print. */
function refusalOf(server: string, res: Response, text: string): Refusal {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const p = body as { code?: unknown; detail?: unknown; errors?: unknown; current?: unknown } | undefined;
  if (p && typeof p.code === 'string' && typeof p.detail === 'string') {
    const fields = Array.isArray(p.errors) ? (p.errors as { path: string; message: string }[]) : [];
    return {
      code: p.code as ErrorCode,
      message: p.detail,
      ...(fields.length ? { fields } : {}),
      ...(p.current !== undefined ? { current: p.current } : {}),
    };
  }
  return bareRefusal(server, res.status);
}

const causeOf = (e: unknown): string => {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  return cause instanceof Error ? cause.message : String(cause);
};

/** A server too busy to take a request (503 BUSY: nothing was done) is asked again this many times, after its Retry-After. */
const busyRetries = 3;
/** The longest Retry-After a command waits for by itself (s); a longer one ends the command with BUSY. */
const busyWaitMaxSeconds = 10;

/**
 * One API request: the parsed JSON body on success, otherwise the refusal. The token (in headers)
 * is never part of a message. A 503 BUSY is sent again after the Retry-After the server gave (up to
 * busyRetries times, while TOLLGATE_HTTP_TIMEOUT_MS allows), so a script run during a burst waits its
 * turn instead of failing; nothing was done with the refused request, so a write is safe to repeat.
 */
async function send<T>(server: string, r: Request, body: BodyReader<T> = jsonBody): Promise<Result<T> & { readonly response?: Response }> {
  const deadline = Date.now() + terminalConfig().httpTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    const res = await sendOnce<T>(server, r, body);
    const wait = Number(res.response?.headers.get('retry-after'));
    const busy = !res.ok && res.error.code === 'BUSY' && Number.isFinite(wait) && wait > 0 && wait <= busyWaitMaxSeconds;
    if (!busy || attempt >= busyRetries || Date.now() + wait * 1000 >= deadline) return res;
    await sleep(wait * 1000);
  }
}

/** How a successful answer's body is read: the API's JSON, or a file's bytes (`accept` says which is asked for). */
interface BodyReader<T> {
  readonly accept: string;
  read(res: Response, r: Request, server: string): Promise<Result<T>>;
}

const jsonBody: BodyReader<never> = {
  accept: 'application/json, application/problem+json',
  async read(res, r, server) {
    const text = await res.text();
    try {
      return ok(JSON.parse(text) as never);
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${server} answered ${r.method} ${r.path} with something that is not JSON.` },
      };
    }
  },
};

/** A downloaded file: its bytes and the name the server gave it (Content-Disposition), if any. */
export interface Download {
  readonly bytes: Uint8Array;
  readonly fileName: string | null;
  readonly contentType: string;
}

/** The name a download was given: RFC 8187's exact UTF-8 name (filename*=UTF-8''…) before the plain one. */
function dispositionName(header: string): string | null {
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (exact)
    try {
      return decodeURIComponent(exact.trim());
    } catch {
      // a malformed exact name: the plain one follows
    }
  return /filename="([^"]+)"/.exec(header)?.[1] ?? null;
}

/** A file download's body: `accept` is what is asked for; any type is taken when it is a wildcard. */
const fileBody = (accept: string): BodyReader<Download> => ({
  accept: `${accept}, application/problem+json`,
  async read(res, r, server) {
    const contentType = res.headers.get('content-type') ?? '';
    if (accept !== '*/*' && !contentType.startsWith(accept))
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `${server} answered ${r.method} ${r.path} with ${contentType || 'no content type'}, not ${accept}.`,
        },
      };
    const fileName = dispositionName(res.headers.get('content-disposition') ?? '');
    return ok({ bytes: new Uint8Array(await res.arrayBuffer()), fileName, contentType });
  },
});

async function sendOnce<T>(server: string, r: Request, body: BodyReader<T>): Promise<Result<T> & { readonly response?: Response }> {
  const url = new URL(`${server}/api/v1${r.path}`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: r.method,
      headers: {
        accept: body.accept,
        ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...r.headers,
      },
      body: r.form ?? (r.body === undefined ? undefined : JSON.stringify(r.body)),
      redirect: 'manual',
      signal: AbortSignal.timeout(terminalConfig().httpTimeoutMs),
    });
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    const why = timedOut ? `no answer within ${terminalConfig().httpTimeoutMs} ms (TOLLGATE_HTTP_TIMEOUT_MS)` : causeOf(e);
    return { ok: false, error: { code: 'NOT_READY', message: `Cannot reach the Tollgate server at ${server}: ${why}.` } };
  }
  if (!res.ok) return { ok: false, error: refusalOf(server, res, await res.text()), response: res };
  return { ...(await body.read(res, r, server)), response: res };
}

export interface ServerBackendOptions {
  /** The server's address, without a trailing slash. */
  readonly server: string;
  readonly token: string;
  /** What to do when the token is refused (expired, revoked): appended to UNAUTHENTICATED. */
  readonly signInHint: string;
}

const stripMe = ({ csrfToken: _c, via: _v, ...me }: Me): MeJson => me;

/** The commands over the HTTP API at `server`, authenticated with a personal API token. */
export function serverBackend(o: ServerBackendOptions): Backend {
  const call = async <T>(r: Request, body?: BodyReader<T>): Promise<Result<T>> => {
    const res = await send<T>(o.server, { ...r, headers: { authorization: `Bearer ${o.token}` } }, body as BodyReader<T> | undefined);
    if (res.ok) return ok(res.value);
    const e = res.error;
    return { ok: false, error: e.code === 'UNAUTHENTICATED' ? { ...e, message: `${e.message} ${o.signInHint}` } : e };
  };
  /** An operation of the contract's table as its request: path parameters URL-encoded, query, JSON body. */
  const operation =
    <K extends OperationName>(name: K): OperationCall<K> =>
    (...input: unknown[]) => {
      const op: OperationContract = operations[name];
      const given = (input[0] ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
      const path = operationPath(op, given.params) + operationQuery(given.query);
      return call<never>({ method: op.method, path, body: given.body });
    };
  const calls = Object.fromEntries(operationNames.map((name) => [name, operation(name)])) as unknown as OperationCalls;

  return {
    ...calls,
    kind: 'server',
    where: o.server,
    me: async () => {
      const r = await call<Me>({ method: 'GET', path: '/me' });
      return r.ok ? ok(stripMe(r.value)) : r;
    },
    invitePerson: (body) => operation('invitePerson')({ body }),
    // Sent as a JSON string, so the server parses the file's own text and names its faults as here.
    uploadOfficialSchedule: (programId, text) =>
      call<LoadedSchedule>({ method: 'POST', path: `/programs/${encodeURIComponent(programId)}/calendar/official-schedules`, body: text }),
    gatePack: async (programId, gateKey, timeZone) => {
      const path = `/programs/${encodeURIComponent(programId)}/gates/${encodeURIComponent(gateKey)}/pack.pdf${operationQuery({ timeZone })}`;
      const r = await call({ method: 'GET', path }, fileBody('application/pdf'));
      return r.ok ? ok({ pdf: r.value.bytes, fileName: r.value.fileName ?? 'gate-pack.pdf' }) : r;
    },
    issuedReportPdf: async (programId, week, revision) => {
      const path = `/programs/${encodeURIComponent(programId)}/reports/${encodeURIComponent(week)}/revisions/${encodeURIComponent(String(revision))}/report.pdf`;
      const r = await call({ method: 'GET', path }, fileBody('application/pdf'));
      return r.ok ? ok({ pdf: r.value.bytes, fileName: r.value.fileName ?? `${week}.pdf` }) : r;
    },
    portfolioPdf: async (week) => {
      const r = await call({ method: 'GET', path: `/portfolio/weeks/${encodeURIComponent(week)}/report.pdf` }, fileBody('application/pdf'));
      return r.ok ? ok({ pdf: r.value.bytes, fileName: r.value.fileName ?? `portfolio-${week}.pdf` }) : r;
    },
    addEvidenceFile: async (programId, gateKey, itemKey, file) => {
      const form = new FormData();
      if (file.title !== undefined) form.set('title', file.title);
      if (file.reason !== undefined) form.set('reason', file.reason);
      // Streamed from the disk as it is sent: a large file is never read whole here.
      form.set('file', await openAsBlob(file.path), file.fileName);
      const path = `/programs/${encodeURIComponent(programId)}/gates/${encodeURIComponent(gateKey)}/items/${encodeURIComponent(itemKey)}/evidence/files`;
      return call<EvidenceJson>({ method: 'POST', path, form });
    },
    evidenceFile: async (programId, evidenceId) => {
      const path = `/programs/${encodeURIComponent(programId)}/evidence/${encodeURIComponent(evidenceId)}/file`;
      return call({ method: 'GET', path }, fileBody('*/*'));
    },
    close: async () => {},
  };
}

export interface SignedInToken {
  readonly me: MeJson;
  /** The new token's secret: stored by `tollgate login`, never printed. */
  readonly token: string;
  readonly item: ApiTokenJson;
}

/**
 * Signs in with email and password (a short browser-style session: cookie and CSRF token), creates
 * a personal API token with it, and ends the session again: the CLI keeps only the token.
 */
export async function signInForToken(
  server: string,
  input: { readonly email: string; readonly password: string; readonly tokenName: string; readonly expiresInDays: number },
): Promise<Result<SignedInToken>> {
  const login = await send<Me>(server, { method: 'POST', path: '/auth/login', body: { email: input.email, password: input.password } });
  if (!login.ok) return login;
  const cookie = login.response?.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${sessionCookie}=`));
  if (!cookie || !login.value.csrfToken) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `${server} accepted the sign-in but sent no session; is it a Tollgate server?` },
    };
  }
  const session = { cookie, 'x-csrf-token': login.value.csrfToken };
  const created = await send<CreatedTokenJson>(server, {
    method: 'POST',
    path: '/me/tokens',
    body: { name: input.tokenName, expiresInDays: input.expiresInDays },
    headers: session,
  });
  // The session was only the way to the token; it ends either way.
  await send(server, { method: 'POST', path: '/auth/logout', headers: session });
  if (!created.ok) return created;
  return ok({ me: stripMe(login.value), token: created.value.token, item: created.value.item });
}
