import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { oneClickPath, settingsPath } from '../../app/mail/mail-links.js';
import { applyOneClick, isOneClickMode, type OneClickMode, type OneClickView } from '../../app/mail/one-click.js';
import { maxOneClickTokenChars, type OneClickKind, oneClickKinds } from '../../app/mail/one-click-token.js';
import { escapeHtml } from '../../domain/mail/mail-text.js';
import type { Refusal } from '../../domain/result.js';
import { errorStatus } from '../error-status.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';

const modeWords: Readonly<Record<OneClickMode, string>> = {
  immediate: 'at once',
  digest: 'in a daily digest',
  weekly: 'every Monday',
  off: 'off',
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Tollgate</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

function sendDone(res: FastifyReply, token: string, v: OneClickView, isUndo: boolean) {
  const lines = v.changes.map(
    (c) => `<li>${escapeHtml(c.name)}: ${escapeHtml(modeWords[c.before])} → <strong>${escapeHtml(modeWords[c.after])}</strong></li>`,
  );
  // The undo sets each kind back to what it was before this link turned it off.
  const undo = isUndo
    ? ''
    : `<form method="post" action="${oneClickPath}"><input type="hidden" name="token" value="${escapeHtml(token)}">${v.changes
        .map((c) => `<input type="hidden" name="restore.${c.kind}" value="${c.before}">`)
        .join('')}<button type="submit">Undo</button></form>`;
  const title = isUndo ? 'Your e-mail settings are back' : 'E-mails turned off';
  return res
    .code(200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      page(
        title,
        `<p>For ${escapeHtml(v.email)}, these e-mails now come:</p><ul>${lines.join('')}</ul>${undo}<p>What they tell still shows in Tollgate. <a href="${settingsPath}">All your notification settings</a></p>`,
      ),
    );
}

/** A refusal as a page for a browser (it asks for HTML), else as problem+json like every refusal of the API. */
function sendRefused(res: FastifyReply, r: Refusal) {
  if (!(res.request.headers.accept ?? '').includes('text/html')) return sendProblem(res, r);
  return res
    .code(errorStatus[r.code])
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      page(
        'This link did not work',
        `<p>${escapeHtml(r.message)}</p><p>Error code: <code>${r.code}</code></p><p><a href="${settingsPath}">Your notification settings</a></p>`,
      ),
    );
}

const tokenOf = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= maxOneClickTokenChars ? v : null);
const invalid: Refusal = { code: 'MAIL_LINK_INVALID', message: 'The link carries no token; open the link of the e-mail as it was sent.' };

/**
 * The one-click link of every e-mail (RFC 8058), for a person who may not be signed in: GET turns the kinds its
 * signed token names off and shows what changed with an Undo button; POST does the same for mail programs
 * (`List-Unsubscribe=One-Click`), or, with `restore.<kind>=<mode>` fields, the undo. The token is the proof.
 */
export const oneClickRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    // Mail programs and the undo form post a form, not JSON; bounded like any small form.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.get(oneClickPath, { schema: { hide: true } }, async (req, res) => {
      const token = tokenOf((req.query as Record<string, unknown>).token);
      if (!token) return sendRefused(res, invalid);
      const r = await applyOneClick(deps.app, { token });
      return r.ok ? sendDone(res, token, r.value, false) : sendRefused(res, r.error);
    });
    app.post(oneClickPath, { schema: { hide: true } }, async (req, res) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      const query = req.query as Record<string, unknown>;
      const token = tokenOf(form.token) ?? tokenOf(query.token);
      if (!token) return sendRefused(res, invalid);
      const restore: Partial<Record<OneClickKind, OneClickMode>> = {};
      for (const k of oneClickKinds) {
        const v = form[`restore.${k}`];
        if (isOneClickMode(k, v)) restore[k] = v;
      }
      const isUndo = Object.keys(restore).length > 0;
      const r = await applyOneClick(deps.app, { token, restore: isUndo ? restore : undefined });
      return r.ok ? sendDone(res, token, r.value, isUndo) : sendRefused(res, r.error);
    });
  };
