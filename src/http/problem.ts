import type { FastifyReply } from 'fastify';
import type { Problem } from '../contract/common.js';
import { type ErrorCode, errorCatalogue } from '../domain/errors.js';
import type { Refusal, Result } from '../domain/result.js';
import { errorStatus } from './error-status.js';

const titles = (code: ErrorCode) =>
  code
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/**
 * A request URL as it may be echoed in a problem or written to the log: invite and setup links carry
 * their secret in the path (/invite/<token>, /setup/<token>, /api/v1/invites/<token>), so it is replaced.
 */
export const redactUrl = (url: string): string =>
  url.replace(/\/(invites?|setup|intake)\/[^/?#]+/g, '/$1/[redacted]').replace(/([?&]token=)[^&#]*/g, '$1[redacted]');

/** Builds an RFC 9457 problem document for a refusal. */
export function problemOf(r: Refusal, instance?: string, current?: unknown): Problem {
  const p: Problem = {
    type: `/docs/errors#${r.code.toLowerCase()}`,
    title: titles(r.code),
    status: errorStatus[r.code],
    detail: r.message,
    code: r.code,
  };
  if (instance) p.instance = redactUrl(instance);
  if (r.fields?.length) p.errors = r.fields.map((f) => ({ path: f.path, message: f.message }));
  if (current !== undefined) p.current = current;
  return p;
}

export function sendProblem(reply: FastifyReply, r: Refusal, current?: unknown) {
  const p = problemOf(r, reply.request.url, current);
  return reply.code(p.status).type('application/problem+json').send(p);
}

/**
 * Sends the value (mapped) on success, or the refusal as problem+json. A refusal's `current` is the
 * record in the shape of the success value, so it is mapped the same way and never leaks internals.
 */
export function reply<T, U>(res: FastifyReply, r: Result<T>, map: (v: T) => U, status = 200) {
  if (!r.ok) return sendProblem(res, r.error, r.error.current === undefined ? undefined : map(r.error.current as T));
  return res.code(status).send(map(r.value));
}

export const describe = (code: ErrorCode) => errorCatalogue[code];

/** Thrown by hooks and helpers to answer with a refusal; the error handler turns it into problem+json. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
