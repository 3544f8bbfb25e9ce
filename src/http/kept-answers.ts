import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { ReadStamp } from '../app/read-stamp.js';
import type { OperationContract } from '../contract/operation.js';
import type { Refusal, Result } from '../domain/result.js';
import { sendProblem } from './problem.js';

/**
 * Answers of reads of one program, kept as sent (JSON text) under the program's read stamp
 * (app/read-stamp.ts): a request whose stamp equals a kept answer's gets that text without its use
 * case running or its document being encoded again. The stamp is read from the database on every
 * request, so a write on any instance is seen at once; what is kept is bounded in bytes (least
 * recently used first out). Each answer carries the stamp as its ETag: a client that sends it back in
 * If-None-Match gets 304 and no body.
 */
export interface KeptAnswers {
  serve(
    req: FastifyRequest,
    res: FastifyReply,
    op: OperationContract,
    name: string,
    stamp: () => Promise<Result<ReadStamp>>,
    answer: () => Promise<Result<unknown>>,
  ): Promise<FastifyReply>;
}

interface Kept {
  /** The JSON text as UTF-8 bytes: sent as they are, not encoded again per request. */
  readonly body: Buffer;
  readonly expiresAt: number;
}

/** Bytes of answers an instance keeps by default (TOLLGATE_KEPT_ANSWERS_MB). */
export const defaultKeptAnswerBytes = 32 * 2 ** 20;

/** The If-None-Match header names this ETag (or any: `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

export function keptAnswers(maxBytes: number, now: () => number): KeptAnswers {
  const cache =
    maxBytes > 0
      ? new LRUCache<string, Kept>({
          maxSize: maxBytes,
          // The bytes of the answer, its key and a little for the entry.
          sizeCalculation: (v, k) => v.body.length + k.length + 64,
        })
      : null;
  return {
    async serve(req, res, op, name, stamp, answer) {
      const s = await stamp();
      if (!s.ok) return sendProblem(res, s.error);
      // The whole URL: path parameters (a milestone's id) and query (a page's cursor) choose the answer too.
      const key = `${name} ${req.url}|${s.value.key}`;
      const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
      // Private: the answer is the reader's view; no-cache: a client asks again (cheaply, with the ETag) each time.
      res.header('etag', etag).header('cache-control', 'private, no-cache');
      if (matches(req.headers['if-none-match'], etag)) return res.code(304).send();
      const kept = cache?.get(key);
      if (kept && now() < kept.expiresAt) return res.code(op.status).type('application/json; charset=utf-8').send(kept.body);
      // Nobody is waiting for it any more: stop before working it out (app/… stop at their next step too).
      req.signal.throwIfAborted();
      const r = await answer();
      if (!r.ok) {
        res.removeHeader('etag');
        return sendProblem(res, r.error as Refusal, r.error.current);
      }
      // Encoded as the route's serializer would (fastify-type-provider-zod): checked against the response schema.
      const encoded = z.safeEncode(op.response, r.value);
      if (encoded.error) throw new Error(`${op.method} ${op.path}: the answer does not match its schema: ${encoded.error.message}`);
      const body = Buffer.from(JSON.stringify(encoded.data));
      if (now() < s.value.expiresAt) cache?.set(key, { body, expiresAt: s.value.expiresAt });
      return res.code(op.status).type('application/json; charset=utf-8').send(body);
    },
  };
}
