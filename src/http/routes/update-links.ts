import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashSecret } from '../../app/auth/secrets.js';
import {
  addLinkEvidence,
  confirmLinkItem,
  markLinkActionDone,
  moveLinkForecast,
  openUpdateLink,
  type UpdateLinkView,
} from '../../app/update-requests/update-link.js';
import { ProblemSchema } from '../../contract/common.js';
import {
  LinkDoneSchema,
  LinkMoveSchema,
  UpdateLinkItemParamsSchema,
  UpdateLinkParamsSchema,
  UpdateLinkSchema,
} from '../../contract/update-request.js';
import { evidenceFileLimits, tooLargeMessage } from '../../domain/gates/evidence-file.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import { updateLinkJson } from '../../present/update-requests-json.js';
import type { HttpDeps } from '../http-deps.js';
import { RefusalError, sendProblem } from '../problem.js';
import { framingBytes, invalidField, isRefusal, readUpload, uploadTexts } from './evidence-files.js';

/** Requests per client address a minute, unless the deps say otherwise. */
export const defaultUpdateLinkRequestsPerMinute = 120;

const refusals = {
  400: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  410: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};
const tags = ['update links'];
const description =
  'For a person without an account: the signed link of their update request is the credential (no session). It opens only the items of that request that are still theirs; every call checks the token against the request (404 UPDATE_LINK_INVALID when not signed by Tollgate or changed, 410 UPDATE_LINK_EXPIRED, 410 UPDATE_LINK_REVOKED) and the item (404 UPDATE_ITEM_NOT_FOUND). Changes go through the normal use cases as that person, so the change log names them.';

/**
 * The page of an update request's signed link (web/src/update-link/), outside the operation table, which is for
 * people signed in: read the items, confirm one, move a milestone's forecast with a reason, mark an action done,
 * attach a file as a checklist item's evidence. Limited per client address and per link on this instance.
 */
export const updateLinkRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const maxBytes = deps.evidenceMaxBytes ?? evidenceFileLimits.defaultMaxBytes;
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 16_384, fieldNameSize: 100, headerPairs: 20 },
    });
    const max = deps.updateLinkRequestsPerMinute ?? defaultUpdateLinkRequestsPerMinute;
    const perAddress = app.createRateLimit({
      max,
      timeWindow: 60_000,
      keyGenerator: (req: FastifyRequest) => `update-link-address:${req.ip}`,
    });
    const perLink = app.createRateLimit({
      max,
      timeWindow: 60_000,
      keyGenerator: (req: FastifyRequest) => `update-link:${hashSecret(String((req.params as { token?: unknown }).token ?? ''))}`,
    });
    const limited: onRequestHookHandler = async (req, res) => {
      for (const check of [perAddress, perLink]) {
        const r = await check(req);
        if (r.isAllowed || !r.isExceeded) continue;
        res.header('retry-after', String(r.ttlInSeconds));
        throw new RefusalError({ code: 'RATE_LIMITED', message: `Too many requests to this link; try again in ${r.ttlInSeconds} s.` });
      }
    };
    const answer = (res: FastifyReply, r: Result<UpdateLinkView>) => {
      res.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return r.ok ? res.code(200).send(updateLinkJson(r.value)) : sendProblem(res, r.error);
    };

    app.get(
      '/update-links/:token',
      {
        onRequest: limited,
        schema: {
          tags,
          summary: 'What an update link opens: the person’s items of the request, as they are now',
          description,
          params: UpdateLinkParamsSchema,
          response: { 200: UpdateLinkSchema, ...refusals },
        },
      },
      async (req, res) => answer(res, await openUpdateLink(deps.app, { token: req.params.token })),
    );

    app.post(
      '/update-links/:token/items/:itemId/confirm',
      {
        onRequest: limited,
        schema: {
          tags,
          summary: 'Confirm an item as it stands (its date holds)',
          description,
          params: UpdateLinkItemParamsSchema,
          response: { 200: UpdateLinkSchema, ...refusals },
        },
      },
      async (req, res) => answer(res, await confirmLinkItem(deps.app, { token: req.params.token, itemId: req.params.itemId })),
    );

    app.post(
      '/update-links/:token/items/:itemId/forecast',
      {
        onRequest: limited,
        schema: {
          tags,
          summary: "Move a milestone's forecast date, with the reason (required)",
          description,
          params: UpdateLinkItemParamsSchema,
          body: LinkMoveSchema,
          response: { 200: UpdateLinkSchema, ...refusals },
        },
      },
      async (req, res) =>
        answer(
          res,
          await moveLinkForecast(deps.app, {
            token: req.params.token,
            itemId: req.params.itemId,
            forecastDate: req.body.forecastDate as PlainDate,
            reason: req.body.reason,
            version: req.body.version,
          }),
        ),
    );

    app.post(
      '/update-links/:token/items/:itemId/done',
      {
        onRequest: limited,
        schema: {
          tags,
          summary: 'Mark an action done, saying what was done',
          description,
          params: UpdateLinkItemParamsSchema,
          body: LinkDoneSchema,
          response: { 200: UpdateLinkSchema, ...refusals },
        },
      },
      async (req, res) =>
        answer(
          res,
          await markLinkActionDone(deps.app, {
            token: req.params.token,
            itemId: req.params.itemId,
            note: req.body.note,
            version: req.body.version,
          }),
        ),
    );

    app.post(
      '/update-links/:token/items/:itemId/evidence',
      {
        onRequest: limited,
        schema: {
          tags,
          summary: 'Attach a file to a checklist item as evidence (multipart: file, optional title and reason)',
          description,
          params: UpdateLinkItemParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 200: UpdateLinkSchema, ...refusals, 413: ProblemSchema, 415: ProblemSchema },
        },
      },
      async (req, res) => {
        if (!req.isMultipart())
          return sendProblem(res, {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'Send the file as multipart/form-data with one part named "file".',
          });
        const tooLarge = {
          code: 'EVIDENCE_TOO_LARGE',
          message: tooLargeMessage(maxBytes),
          fields: [{ path: 'file', message: `At most ${maxBytes} bytes.` }],
        } as const;
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes + framingBytes) return sendProblem(res, tooLarge);
        const upload = await readUpload(req, maxBytes);
        if (isRefusal(upload)) return sendProblem(res, upload);
        if (upload.file === null) return sendProblem(res, invalidField('file', 'Send the file as the part named "file".'));
        if (upload.file === 'too-large') return sendProblem(res, tooLarge);
        const texts = uploadTexts(upload);
        if (isRefusal(texts)) return sendProblem(res, texts);
        const { title, reason } = texts;
        return answer(
          res,
          await addLinkEvidence(deps.app, {
            token: req.params.token,
            itemId: req.params.itemId,
            reason,
            file: { title, fileName: upload.file.name, content: upload.file.bytes, maxBytes },
          }),
        );
      },
    );
  };
