import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { ReadStamp } from '../app/read-stamp.js';
import type { OperationContract } from '../contract/operation.js';
import type { Refusal, Result } from '../domain/result.js';
import { sendProblem } from './problem.js';

const gzipAsync = promisify(gzip);

/**
 * Answers of reads of one program (and of the portfolio), kept as sent under their read stamp
 * (app/read-stamp.ts): a request whose stamp equals a kept answer's gets it without its use case
 * running or its document being encoded again. The stamp is read from the database on every request,
 * so a write on any instance is seen at once; what is kept is bounded in bytes (least recently used
 * first out). Answers are kept gzip-compressed (JSON shrinks about tenfold, so an instance keeps ten
 * times as many) and sent so to clients that accept gzip, as browsers do; others get them inflated.
 * Each answer carries an ETag: a client that sends it back in If-None-Match gets 304 and no body.
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
  /** The JSON text as UTF-8 bytes, gzip-compressed when it is worth it. */
  readonly body: Buffer;
  readonly gzipped: boolean;
  /** The ETag's opaque part (the stamp's and URL's hash). */
  readonly tag: string;
  readonly expiresAt: number;
}

/** Bytes of answers an instance keeps by default (TOLLGATE_KEPT_ANSWERS_MB). */
export const defaultKeptAnswerBytes = 32 * 2 ** 20;

/** Answers smaller than this are kept as they are: compressing them gains little. */
const compressFrom = 1024;

/** The If-None-Match header names this ETag (or any: `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

/** The client takes gzip (Accept-Encoding names it, or `*`, without q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || header === '') return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  }
  return false;
}

export function keptAnswers(maxBytes: number, now: () => number): KeptAnswers {
  const cache =
    maxBytes > 0
      ? new LRUCache<string, Kept>({
          maxSize: maxBytes,
          // The bytes of the answer, its key and a little for the entry.
          sizeCalculation: (v, k) => v.body.length + k.length + 128,
        })
      : null;
  /**
   * Sends an answer: 304 when the client has it, else the body in the encoding the client takes.
   * `compressible` answers are sent gzip-compressed to clients that accept it (and vary by it).
   */
  const send = (
    req: FastifyRequest,
    res: FastifyReply,
    op: OperationContract,
    tag: string,
    compressible: boolean,
    body: (gzipped: boolean) => Buffer,
  ) => {
    const gzipped = compressible && acceptsGzip(req.headers['accept-encoding']);
    // The two encodings are two representations: each has its own ETag (RFC 9110, 8.8.3).
    const etag = gzipped ? `"${tag}-gzip"` : `"${tag}"`;
    // Private: the answer is the reader's view; no-cache: a client asks again (cheaply, with the ETag) each time.
    res.header('etag', etag).header('cache-control', 'private, no-cache');
    if (compressible) res.header('vary', 'accept-encoding');
    if (matches(req.headers['if-none-match'], etag)) return res.code(304).send();
    res.code(op.status).type('application/json; charset=utf-8');
    if (gzipped) res.header('content-encoding', 'gzip');
    return res.send(body(gzipped));
  };
  const keptBody = (kept: Kept) => (gzipped: boolean) => (kept.gzipped && !gzipped ? gunzipSync(kept.body) : kept.body);
  return {
    async serve(req, res, op, name, stamp, answer) {
      const s = await stamp();
      if (!s.ok) return sendProblem(res, s.error);
      // The whole URL: path parameters (a milestone's id) and query (a page's cursor) choose the answer too.
      const key = `${name} ${req.url}|${s.value.key}`;
      const kept = cache?.get(key);
      if (kept && now() < kept.expiresAt) return send(req, res, op, kept.tag, kept.gzipped, keptBody(kept));
      const tag = createHash('sha256').update(key).digest('base64url').slice(0, 27);
      // The client has this answer already: nothing to work out. (One that takes gzip was sent the
      // compressed answer, or the plain one when it is too small to compress.)
      const own = acceptsGzip(req.headers['accept-encoding']) ? [`"${tag}-gzip"`, `"${tag}"`] : [`"${tag}"`];
      const has = own.find((etag) => matches(req.headers['if-none-match'], etag));
      if (has) return res.header('etag', has).header('cache-control', 'private, no-cache').code(304).send();
      // Nobody is waiting for it any more: stop before working it out (app/… stop at their next step too).
      req.signal.throwIfAborted();
      const r = await answer();
      if (!r.ok) return sendProblem(res, r.error as Refusal, r.error.current);
      // Encoded as the route's serializer would (fastify-type-provider-zod): checked against the response schema.
      const encoded = z.safeEncode(op.response, r.value);
      if (encoded.error) throw new Error(`${op.method} ${op.path}: the answer does not match its schema: ${encoded.error.message}`);
      const json = Buffer.from(JSON.stringify(encoded.data));
      const compressible = json.length >= compressFrom;
      // Compressed on libuv's threads, not the event loop's.
      const fresh: Kept = { body: compressible ? await gzipAsync(json) : json, gzipped: compressible, tag, expiresAt: s.value.expiresAt };
      if (now() < s.value.expiresAt) cache?.set(key, fresh);
      // A client that does not take gzip gets the text just built, not inflated again.
      return send(req, res, op, tag, compressible, (gzipped) => (gzipped ? fresh.body : json));
    },
  };
}
