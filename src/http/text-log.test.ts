import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLine, textLogStream } from './text-log.js';

/** A real pino logger writing through the text destination into a string, with the server's redaction. */
function capture(level = 'info', withStack = false) {
  let text = '';
  const sink = { write: (s: string) => (text += s) };
  const log = pino(
    { level, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
    textLogStream(sink, { withStack }),
  );
  return { log, text: () => text };
}

const clock = /^\d\d:\d\d:\d\d /;

describe('the text log', () => {
  it('writes a request as one short line: time, method, URL, status, milliseconds', () => {
    expect(requestLine('GET', '/api/v1/programs', 200, 12.4)).toMatch(/^\d\d:\d\d:\d\d GET \/api\/v1\/programs 200 12 ms\n$/);
    expect(requestLine('POST', '/api/v1/auth/login', 401, 0.84)).toMatch(/ POST \/api\/v1\/auth\/login 401 0\.8 ms\n$/);
  });

  it("writes an error as one line with the error's message, and its stack only when debugging", () => {
    const { log, text } = capture();
    log.error({ err: new Error('connection refused by the database') }, 'request failed');
    expect(text()).toMatch(/^\d\d:\d\d:\d\d ERROR request failed: connection refused by the database\n$/);
    const debug = capture('debug', true);
    debug.log.warn({ err: new Error('slow') }, 'holiday calendars could not be computed ahead');
    const [first, ...rest] = debug.text().trimEnd().split('\n');
    expect(first).toMatch(/ WARN holiday calendars could not be computed ahead: slow$/);
    expect(rest[0]).toMatch(/^ {4}at /);
  });

  it('shows other fields as key=value, a long list shortened, and never a secret header', () => {
    const { log, text } = capture();
    log.info({ database: 'sqlite', location: './data/tollgate.db', migrated: ['0001-a', '0002-b', '0003-c', '0004-d'] }, 'database ready');
    log.info(
      { req: { method: 'GET', url: '/x', headers: { cookie: 'tollgate_session=s3cret', authorization: 'Bearer tgt_s3cret' } } },
      'seen',
    );
    log.debug('not at info');
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(clock);
    expect(lines[0]).toMatch(/ database ready database=sqlite location=\.\/data\/tollgate\.db migrated=0001-a…0004-d\(4\)$/);
    expect(lines[1]).toMatch(/ seen GET \/x$/);
    expect(text()).not.toContain('s3cret');
  });
});
