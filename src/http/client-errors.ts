import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../domain/errors.js';
import { problemOf, sendProblem } from './problem.js';

/** The refusal for an error Node's HTTP parser raises before Fastify sees a request (the server's 'clientError' event). */
function clientRefusal(code: string | undefined): { code: ErrorCode; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      code: 'HEADERS_TOO_LARGE',
      message: 'The request line and headers are larger than the server accepts (16 KB); shorten the URL or the headers.',
    };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time.' };
  return { code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP and cannot be read.' };
}

/**
 * Answers a request Node's HTTP parser refused (headers over the size limit, a timeout, bytes that are
 * not HTTP) with a problem document, like every other error; Fastify's own handler writes plain JSON.
 * The connection cannot be reused after such an error, so it is closed.
 */
export function clientErrorHandler(
  this: { log?: { trace: (o: object, msg: string) => void } } | undefined,
  err: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection is gone: there is no one to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = problemOf(clientRefusal(err.code));
  this?.log?.trace({ err }, `client error ${err.code ?? ''}`);
  if (socket.writable) {
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}

/**
 * Errors Fastify's router raises before a route is found, answered as problems like every other error
 * (Fastify's own answers are plain JSON): a URL whose percent-encoding does not decode (400
 * MALFORMED_REQUEST), or a path segment longer than the router takes (100 characters; no id is that long: 422).
 */
export function frameworkErrorHandler(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = 'A part of the path is longer than any id, key or code (at most 100 characters).';
    sendProblem(reply, { code: 'VALIDATION_FAILED', message, fields: [{ path: 'params', message }] });
    return;
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    sendProblem(reply, {
      code: 'MALFORMED_REQUEST',
      message: 'The URL is not valid: a percent-encoded part (%XX) does not decode to UTF-8 text.',
    });
    return;
  }
  // FST_ERR_ASYNC_CONSTRAINT: a failing route constraint is our fault, not the client's (no route uses one).
  reply.log.error({ err }, 'routing failed');
  sendProblem(reply, { code: 'INTERNAL', message: 'An unexpected error occurred; nothing was changed. It has been logged.' });
}
