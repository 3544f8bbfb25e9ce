/** A signed-in session over plain HTTP: the cookie, the CSRF token writes carry, and who it is. */
export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

/** What came back: the status and the parsed JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * One request; null when no complete answer came back (connection refused or cut off, or the body
 * was truncated): for a write, it may or may not have been committed.
 */
export async function call(
  base: string,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<Answer | null> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  } catch {
    return null;
  }
}

/** Signs in with email and password: the session cookie from Set-Cookie, the CSRF token from the answer. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { id?: string; csrfToken?: string; code?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('tollgate_session='));
  if (res.status !== 200 || !cookie || !body.csrfToken || !body.id) {
    throw new Error(`sign-in as ${email} failed: ${res.status} ${body.code ?? ''}`);
  }
  return { cookie, csrfToken: body.csrfToken, userId: body.id };
}

/** The body of a 2xx answer, or an error naming the request. */
export async function must(base: string, session: Session, path: string): Promise<Record<string, unknown>> {
  const a = await call(base, session, 'GET', path);
  if (a?.status !== 200) throw new Error(`GET ${path}: ${a ? `${a.status} ${String(a.body.code ?? '')}` : 'no answer'}`);
  return a.body;
}

export interface MilestoneJson {
  readonly id: string;
  readonly key: string;
  readonly programId: string;
  readonly forecastDate: string;
  readonly actualDate: string | null;
  readonly version: number;
  readonly pushed?: readonly { id: string; key: string; from: string; to: string }[];
}

export interface ActionJson {
  readonly id: string;
  readonly key: string;
  readonly programId: string;
  readonly title: string;
  readonly version: number;
}
