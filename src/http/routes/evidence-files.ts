import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addEvidence } from '../../app/gates/add-evidence.js';
import { getEvidenceFile } from '../../app/gates/get-evidence-file.js';
import { ProblemSchema, ReasonSchema } from '../../contract/common.js';
import { EvidenceFileParamsSchema, EvidenceUploadTitleSchema, evidenceUploadDescription } from '../../contract/evidence.js';
import { EvidenceSchema, ItemParamsSchema } from '../../contract/gate.js';
import { evidenceFileLimits, servedAs, tooLargeMessage } from '../../domain/gates/evidence-file.js';
import type { Refusal } from '../../domain/result.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';

/** Room for the multipart framing and the title beside the file, before a declared length is refused unread. */
export const framingBytes = 65_536;

const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

/** What an upload carried: the file's name and bytes (or that it went over the limit), and the text fields. */
export interface Upload {
  readonly file: { readonly name: string; readonly bytes: Uint8Array } | 'too-large' | null;
  readonly title: string | undefined;
  readonly reason: string | undefined;
}

export const invalidField = (path: string, message: string): Refusal => ({
  code: 'VALIDATION_FAILED',
  message: `${path}: ${message}`,
  fields: [{ path, message }],
});

/** An upload's title and reason checked by the contract's schemas: blank title → none; a wrong one names its field. */
export function uploadTexts(upload: Upload): { title: string | undefined; reason: string | undefined } | Refusal {
  let title: string | undefined;
  if (upload.title !== undefined) {
    const t = EvidenceUploadTitleSchema.safeParse(upload.title);
    if (!t.success) return invalidField('title', t.error.issues[0]?.message ?? 'Not valid.');
    title = t.data || undefined;
  }
  const reason = upload.reason === undefined ? undefined : ReasonSchema.safeParse(upload.reason);
  if (reason && !reason.success) return invalidField('reason', reason.error.issues[0]?.message ?? 'Not valid.');
  return { title, reason: reason?.data };
}

/**
 * Reads the multipart body part by part: the one `file` is buffered up to the limit (beyond it the rest
 * streams past unkept, so memory stays bounded), `title` and `reason` are short text fields.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload | Refusal> {
  let file: Upload['file'] = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer().catch(() => undefined);
          return invalidField(part.fieldname, 'Unknown part: send the file as the part named "file".');
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size <= maxBytes) chunks.push(chunk);
        }
        file =
          part.file.truncated || size > maxBytes
            ? 'too-large'
            : { name: part.filename ?? '', bytes: new Uint8Array(Buffer.concat(chunks)) };
      } else {
        if (part.fieldname !== 'title' && part.fieldname !== 'reason')
          return invalidField(part.fieldname, 'Unknown field: an upload takes a "file", a "title" and a "reason".');
        if (part.valueTruncated) return invalidField(part.fieldname, 'Too long.');
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_FILES_LIMIT') return invalidField('file', 'Send one file per upload.');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      return invalidField('body', 'Too many parts: a file, a title and a reason at most.');
    if (code.startsWith('FST_') || (e instanceof Error && /multipart|boundary|terminated early/i.test(e.message)))
      return { code: 'MALFORMED_REQUEST', message: `The multipart body cannot be read: ${(e as Error).message}` };
    throw e;
  }
  return { file, title: fields.title, reason: fields.reason };
}

export const isRefusal = <T extends object>(x: T | Refusal): x is Refusal => 'code' in x;

/** RFC 6266 / 8187: an ASCII fallback name and the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'evidence';
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

function sendFile(
  req: FastifyRequest,
  res: FastifyReply,
  file: { fileName: string; contentType: string; sha256: string },
  bytes: Uint8Array,
) {
  const served = servedAs(file.contentType);
  const etag = `"sha256-${file.sha256}"`;
  res
    .header('etag', etag)
    .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
    // Access is checked on every request (a role may end), so a browser keeps the bytes but always asks.
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin');
  if (req.headers['if-none-match'] === etag) return res.code(304).send();
  return res
    .code(200)
    .header('content-type', served.contentType)
    .header('content-disposition', contentDisposition(served.isInline ? 'inline' : 'attachment', file.fileName))
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Evidence files: the multipart upload onto an item and the download (links and notes: contract/operations/gates.ts). */
export const evidenceFileRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const maxBytes = deps.evidenceMaxBytes ?? evidenceFileLimits.defaultMaxBytes;
    // Only these routes read multipart bodies; busboy stops keeping a file at the limit and reads the rest past.
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 16_384, fieldNameSize: 100, headerPairs: 20 },
    });

    app.post(
      '/programs/:programId/gates/:gateKey/items/:itemKey/evidence/files',
      {
        schema: {
          tags: ['gates'],
          summary: "Upload a file as evidence of a checklist item (its owner, the gate's owner or a quality owner)",
          description: evidenceUploadDescription,
          params: ItemParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: EvidenceSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req, res) => {
        if (!req.isMultipart())
          return sendProblem(res, {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'Send the file as multipart/form-data with one part named "file" (links and notes go to …/evidence as JSON).',
          });
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes + framingBytes)
          return sendProblem(res, {
            code: 'EVIDENCE_TOO_LARGE',
            message: tooLargeMessage(maxBytes),
            fields: [{ path: 'file', message: `At most ${maxBytes} bytes.` }],
          });
        const upload = await readUpload(req, maxBytes);
        if (isRefusal(upload)) return sendProblem(res, upload);
        if (upload.file === null) return sendProblem(res, invalidField('file', 'Send the file as the part named "file".'));
        if (upload.file === 'too-large')
          return sendProblem(res, {
            code: 'EVIDENCE_TOO_LARGE',
            message: tooLargeMessage(maxBytes),
            fields: [{ path: 'file', message: `At most ${maxBytes} bytes.` }],
          });
        const texts = uploadTexts(upload);
        if (isRefusal(texts)) return sendProblem(res, texts);
        const { title, reason } = texts;
        const r = await addEvidence(deps.app, {
          ...req.params,
          actor: actorOf(req),
          reason,
          evidence: { kind: 'file', title, fileName: upload.file.name, content: upload.file.bytes, maxBytes },
        });
        if (!r.ok) return sendProblem(res, r.error);
        return res.code(201).send(r.value as never);
      },
    );

    app.get(
      '/programs/:programId/evidence/:evidenceId/file',
      {
        schema: {
          tags: ['gates'],
          summary: 'Download an evidence file: its bytes exactly as uploaded, to everyone who sees the program',
          description:
            'As an attachment named as uploaded (RFC 6266 filename*), raster images inline; the kept type as Content-Type (text as text/plain; charset=utf-8, CAD models and anything unknown as application/octet-stream) with X-Content-Type-Options: nosniff; the SHA-256 as ETag ("sha256-…") and Repr-Digest. A file whose bytes no longer match their SHA-256 is never served: 500 EVIDENCE_FILE_CORRUPT, logged.',
          params: EvidenceFileParamsSchema,
          response: problems(401, 404, 422, 500),
        },
      },
      async (req, res) => {
        const r = await getEvidenceFile(deps.app, { ...req.params, actor: actorOf(req) });
        if (!r.ok) {
          if (r.error.code === 'EVIDENCE_FILE_CORRUPT')
            req.log.error(
              { programId: req.params.programId, evidenceId: req.params.evidenceId },
              `evidence file corrupt: ${r.error.message}`,
            );
          return sendProblem(res, r.error);
        }
        return sendFile(req, res, r.value.evidence, r.value.content);
      },
    );
  };
