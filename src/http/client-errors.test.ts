import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientErrorHandler } from './client-errors.js';

/** A socket that records what is written to it and whether it was closed. */
function fakeSocket(state: { destroyed?: boolean; writable?: boolean } = {}) {
  const written: string[] = [];
  const socket = {
    destroyed: state.destroyed ?? false,
    writable: state.writable ?? true,
    write: (chunk: string) => {
      written.push(chunk);
      return true;
    },
    destroy: () => {
      socket.destroyed = true;
    },
  };
  return { socket, written, asSocket: socket as unknown as Socket };
}

const clientError = (code: string) => Object.assign(new Error(code), { code });

/** The status line and the problem document of a raw HTTP answer. */
function parse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, problem: JSON.parse(body) as Record<string, unknown> };
}

describe('clientErrorHandler', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE', 'Request Header Fields Too Large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT', 'Request Timeout'],
    ['HPE_INVALID_METHOD', 400, 'MALFORMED_REQUEST', 'Bad Request'],
    ['HPE_INVALID_HEADER_TOKEN', 400, 'MALFORMED_REQUEST', 'Bad Request'],
  ])('answers %s with %i %s as problem+json and closes the connection', (code, status, problemCode, reason) => {
    const { socket, written, asSocket } = fakeSocket();
    clientErrorHandler.call(undefined, clientError(code), asSocket);
    expect(written).toHaveLength(1);
    const { statusLine, head, problem } = parse(written[0] ?? '');
    expect(statusLine).toBe(`HTTP/1.1 ${status} ${reason}`);
    expect(head).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(head).toContain('Connection: close');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(JSON.stringify(problem))}`);
    expect(problem).toMatchObject({ status, code: problemCode, type: `/docs/errors#${problemCode.toLowerCase()}` });
    expect(socket.destroyed).toBe(true);
  });

  it('writes nothing to a connection that was reset or is gone', () => {
    const reset = fakeSocket();
    clientErrorHandler.call(undefined, clientError('ECONNRESET'), reset.asSocket);
    expect(reset.written).toEqual([]);
    const gone = fakeSocket({ destroyed: true });
    clientErrorHandler.call(undefined, clientError('HPE_HEADER_OVERFLOW'), gone.asSocket);
    expect(gone.written).toEqual([]);
    const unwritable = fakeSocket({ writable: false });
    clientErrorHandler.call(undefined, clientError('HPE_HEADER_OVERFLOW'), unwritable.asSocket);
    expect(unwritable.written).toEqual([]);
    expect(unwritable.socket.destroyed).toBe(true);
  });
});
