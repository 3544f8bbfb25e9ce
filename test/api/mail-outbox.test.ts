import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { deliverOutbox, mailLeaseMs } from '../../src/app/mail/deliver-outbox.js';
import { sendDigests } from '../../src/app/mail/send-digests.js';
import { notify } from '../../src/app/notifications/notify.js';
import type { Store } from '../../src/app/ports.js';
import { abort, transact } from '../../src/app/transact.js';
import type { GateDocument } from '../../src/contract/gate.js';
import type { NotificationSettings } from '../../src/contract/notification-settings.js';
import type { Program } from '../../src/domain/program.js';
import { startOutboxDelivery } from '../../src/jobs/outbox-delivery.js';
import { smtpMailer } from '../../src/jobs/smtp-mailer.js';
import { renderIssuedReportPdf } from '../../src/pdf/weekly-report-pdf.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { kettleGateProgram } from '../support/gate-program.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { type Caller, call, expectProblem } from './helpers.js';

// Monday 16 March 2026, 02:00 UTC: 10:00 in Ningbo, Sunday 21:00 in Chicago (daylight time since 8 March), 03:00 in Berlin.
const now = new Date('2026-03-16T02:00:00Z');
const publicUrl = 'https://tollgate.example.test';
const from = 'Tollgate <tollgate@example.test>';

/** Polls until `check` holds, with a generous limit (no fixed timing budget). */
async function eventually(check: () => Promise<boolean> | boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(dialects)('e-mail through the outbox on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let mailer: ReturnType<typeof smtpMailer>;
  let program: Program;
  let cadence: Actor;
  let jonas: Actor;
  let sophie: Actor;
  let li: Actor;

  const outbox = () => t.deps.store.outbox.list(1000);
  const gate = async (key: string) =>
    (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/${key}` })).json<GateDocument>();
  /** Someone's open required item on any gate, submitted by them: a notice to the gate's reviewers. */
  const submitSomething = async (who: Actor) => {
    for (const key of ['G1', 'G2', 'G3', 'G4']) {
      const item = (await gate(key)).items.find((i) => i.ownerId === who.id && i.state === 'open');
      if (!item) continue;
      const res = await call(
        t,
        {
          method: 'POST',
          url: `/api/v1/programs/${program.code}/gates/${key}/items/${item.key}/submit`,
          payload: { version: item.version, note: 'Signed report attached' },
        },
        who,
      );
      expect(res.statusCode, res.body).toBe(200);
      return { gateKey: key, itemKey: item.key, title: item.title };
    }
    throw new Error(`no open item of ${who.name}`);
  };
  const setZone = async (who: Actor, timeZone: string) => {
    const me = (await call(t, { method: 'GET', url: '/api/v1/me' }, who)).json<{ version: number }>();
    const res = await call(t, { method: 'PATCH', url: '/api/v1/me', payload: { version: me.version, timeZone } }, who);
    expect(res.statusCode, res.body).toBe(200);
  };
  const settings = async (who: Caller) => {
    const res = await call(t, { method: 'GET', url: '/api/v1/me/notification-settings' }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<NotificationSettings>();
  };
  const modeOf = async (who: Caller, kind: string) => (await settings(who)).settings.find((s) => s.kind === kind)?.mode;
  /** A header's value as sent (mailparser folds the List-* headers into one object). */
  const header = (m: ParsedMail, name: string) =>
    m.headerLines
      .find((h) => h.key === name)
      ?.line.slice(name.length + 1)
      .replace(/\r?\n\s+/g, ' ')
      .trim();
  const unsubscribeUrl = (m: ParsedMail) => /^<(.*)>$/.exec(header(m, 'list-unsubscribe') ?? '')?.[1] as string;
  const mailsTo = async (address: string) => (await sink.parsed()).filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    ({ cadence, jonas, sophie, li, program } = await kettleGateProgram(t));
    await setZone(sophie, 'Europe/Berlin');
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, from);
  });
  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await t?.close();
  });

  it('with e-mail off, a notice is kept but no e-mail is queued (turning it on later sends no backlog)', async () => {
    const kept = await transact(t.deps.store, (tx) =>
      notify(t.deps, tx, { actorId: null, at: now.toISOString() }, [
        {
          kind: 'action_assigned',
          programId: program.id,
          recipients: [cadence.id],
          facts: { programCode: program.code, actionKey: 'A-90', title: 'Before e-mail was on' },
        },
      ]),
    );
    expect(kept).toEqual({ ok: true, value: 1 });
    expect(await outbox()).toEqual([]);
    // From here on, e-mail is on (as TOLLGATE_SMTP_URL and TOLLGATE_PUBLIC_URL make it).
    Object.assign(t.deps, { mail: { publicUrl, reportPdf: renderIssuedReportPdf } });
  });

  it('a notice becomes an e-mail with both parts, its link, the instant in the recipient’s zone and one-click headers', async () => {
    const submitted = await submitSomething(jonas);
    const queued = await outbox();
    // Dana (gate owner) hears of the submission and of the gate's status; Sophie (quality owner, gatekeeper) too; the submitter of nothing.
    expect(
      queued
        .filter((m) => m.to === 'dana.whitfield@example.test')
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['evidence_awaits_review', 'gate_status_changed']);
    expect(queued.some((m) => m.to === 'sophie.brandt@example.test' && m.kind === 'evidence_awaits_review')).toBe(true);
    expect(queued.some((m) => m.to === 'jonas.keller@example.test')).toBe(false);
    const round = await deliverOutbox(t.deps, mailer, 'worker-1');
    expect(round).toMatchObject({ sent: queued.length, retrying: 0, failed: [] });
    expect((await outbox()).every((m) => m.sentAt !== null)).toBe(true);

    const dana = await mailsTo('dana.whitfield@example.test');
    const review = dana.find((m) => m.subject?.includes('awaits your review')) as ParsedMail;
    expect(review.from?.value).toEqual([{ name: 'Tollgate', address: 'tollgate@example.test' }]);
    expect(review.subject).toBe(`[Tollgate] KHG-KW500 ${submitted.gateKey}: evidence for ${submitted.itemKey} awaits your review`);
    const link = `${publicUrl}/programs/KHG-KW500/gates/${submitted.gateKey}#${submitted.itemKey}`;
    expect(review.text).toContain(link);
    expect(review.html).toContain(`href="${link}"`);
    // Dana reads Chicago time: Sunday evening, daylight time.
    expect(review.text).toContain('When: Sun 15 Mar 2026, 21:00 UTC-05:00 (America/Chicago)');
    expect(review.html).toContain('Sun 15 Mar 2026, 21:00 UTC-05:00 (America/Chicago)');
    const sophiesMail = (await mailsTo('sophie.brandt@example.test')).find((m) => m.subject?.includes('awaits your review')) as ParsedMail;
    expect(sophiesMail.text).toContain('When: Mon 16 Mar 2026, 03:00 UTC+01:00 (Europe/Berlin)');
    // The outbox id is the Message-ID, so a receiver can drop a copy sent twice.
    const row = queued.find((m) => m.to === 'sophie.brandt@example.test' && m.kind === 'evidence_awaits_review');
    expect(sophiesMail.messageId).toBe(`<${row?.id}@example.test>`);
    const unsubscribe = unsubscribeUrl(review);
    expect(unsubscribe).toMatch(new RegExp(`^${publicUrl}/notification-settings/one-click\\?token=`));
    expect(header(review, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(review.text).toContain(unsubscribe);
  });

  it('the one-click link turns that kind off and offers an undo; a changed or expired link is refused and changes nothing', async () => {
    const review = (await mailsTo('dana.whitfield@example.test')).find((m) => m.subject?.includes('awaits your review')) as ParsedMail;
    const url = new URL(unsubscribeUrl(review));
    const token = url.searchParams.get('token') as string;
    const path = `${url.pathname}${url.search}`;

    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await t.http.inject({ method: 'GET', url: `${url.pathname}?token=${encodeURIComponent(tampered)}` });
    expectProblem(bad, 400, 'MAIL_LINK_INVALID');
    // A browser is shown a page naming the code.
    const badPage = await t.http.inject({
      method: 'GET',
      url: `${url.pathname}?token=${encodeURIComponent(tampered)}`,
      headers: { accept: 'text/html' },
    });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.headers['content-type']).toMatch(/^text\/html/);
    expect(badPage.body).toContain('MAIL_LINK_INVALID');
    expect(await modeOf(cadence, 'evidence_awaits_review')).toBe('immediate');
    t.setNow(new Date(now.getTime() + 91 * 24 * 3600_000));
    const expired = await t.http.inject({ method: 'GET', url: path });
    t.setNow(now);
    expectProblem(expired, 400, 'MAIL_LINK_EXPIRED');
    expect(await modeOf(cadence, 'evidence_awaits_review')).toBe('immediate');

    const off = await t.http.inject({ method: 'GET', url: path });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.headers['content-type']).toMatch(/^text\/html/);
    expect(off.body).toContain('evidence awaiting your review: at once → <strong>off</strong>');
    expect(await modeOf(cadence, 'evidence_awaits_review')).toBe('off');
    // Logged under Dana, like her own change.
    const logged = await t.db.rows(
      `select actor_id, field, old_value, new_value, reason from changes where entity = 'notification_setting' and actor_id = '${cadence.id}'`,
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        actor_id: cadence.id,
        field: 'mode',
        old_value: null,
        new_value: 'off',
        reason: 'Turned off with the one-click link of an e-mail.',
      }),
    );

    // Undo, as the page's button posts it.
    const undo = await t.http.inject({
      method: 'POST',
      url: '/notification-settings/one-click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token, 'restore.evidence_awaits_review': 'immediate' }).toString(),
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await modeOf(cadence, 'evidence_awaits_review')).toBe('immediate');

    // RFC 8058: a mail program posts List-Unsubscribe=One-Click to the same URL.
    const posted = await t.http.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await modeOf(cadence, 'evidence_awaits_review')).toBe('off');
    // Off: the next such notice is kept in Tollgate but not e-mailed to Dana; Sophie (immediate) still gets hers.
    const before = (await outbox()).length;
    await submitSomething(jonas);
    const added = (await outbox()).slice(before);
    expect(added.filter((m) => m.kind === 'evidence_awaits_review').map((m) => m.to)).toEqual(['sophie.brandt@example.test']);
    await deliverOutbox(t.deps, mailer, 'worker-1');
  });

  it('a write that is rolled back queues nothing', async () => {
    const before = (await outbox()).length;
    const r = await transact(t.deps.store, async (tx) => {
      await notify(t.deps, tx, { actorId: null, at: now.toISOString() }, [
        {
          kind: 'action_assigned',
          programId: program.id,
          recipients: [li.id],
          facts: { programCode: program.code, actionKey: 'A-91', title: 'Rolled back' },
        },
      ]);
      expect((await tx.listNotices(li.id, { unreadOnly: false, limit: 10 })).some((n) => n.kind === 'action_assigned')).toBe(true);
      return abort({ code: 'NOTHING_TO_CHANGE', message: 'refused after the notice' });
    });
    expect(r.ok).toBe(false);
    expect((await outbox()).length).toBe(before);
    const rows = await t.db.rows(`select count(*) as n from outbox where recipient_id = '${li.id}'`);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('a refused message is tried again after its backoff and sent once the server accepts', async () => {
    sink.isRefusing = true;
    const accepted = sink.raw.length;
    await transact(t.deps.store, (tx) =>
      notify(t.deps, tx, { actorId: null, at: now.toISOString() }, [
        {
          kind: 'action_assigned',
          programId: program.id,
          recipients: [li.id],
          facts: { programCode: program.code, actionKey: 'A-92', title: 'Refused at first' },
        },
      ]),
    );
    const first = await deliverOutbox(t.deps, mailer, 'worker-1');
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    const row = (await outbox()).find((m) => m.subject.includes('A-92'));
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, notBefore: new Date(now.getTime() + 60_000).toISOString() });
    expect(row?.lastError).toMatch(/451/);
    sink.isRefusing = false;
    // Not due yet: nothing is claimed before its backoff ends.
    expect(await deliverOutbox(t.deps, mailer, 'worker-1')).toMatchObject({ claimed: 0 });
    t.setNow(new Date(now.getTime() + 61_000));
    expect(await deliverOutbox(t.deps, mailer, 'worker-1')).toMatchObject({ sent: 1 });
    t.setNow(now);
    expect(sink.raw.length).toBe(accepted + 1);
    expect((await outbox()).find((m) => m.id === row?.id)).toMatchObject({ attempts: 2, sentAt: expect.any(String) });
  });

  it('a worker that dies after claiming loses nothing: once its lease expires another sends the message, once', async () => {
    await transact(t.deps.store, (tx) =>
      notify(t.deps, tx, { actorId: null, at: now.toISOString() }, [
        {
          kind: 'action_assigned',
          programId: program.id,
          recipients: [li.id],
          facts: { programCode: program.code, actionKey: 'A-93', title: 'Claimed by a worker that died' },
        },
      ]),
    );
    const claimed = await t.deps.store.outbox.claim('dead-worker', now.toISOString(), mailLeaseMs, 10);
    expect(claimed.map((m) => m.subject)).toEqual([expect.stringContaining('A-93')]);
    // The dead worker's lease holds: nobody else sends it meanwhile.
    expect(await deliverOutbox(t.deps, mailer, 'worker-2')).toMatchObject({ claimed: 0 });
    const accepted = sink.raw.length;
    t.setNow(new Date(now.getTime() + mailLeaseMs + 1_000));
    expect(await deliverOutbox(t.deps, mailer, 'worker-2')).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(t.deps, mailer, 'worker-2')).toMatchObject({ claimed: 0 });
    t.setNow(now);
    expect(sink.raw.length).toBe(accepted + 1);
    // The dead worker, back, cannot mark as its own what another sent.
    expect(await t.deps.store.outbox.markSent(claimed[0]?.id as string, 'dead-worker', now.toISOString())).toBe(false);
  });

  it('a message queued with a file carries it: sent as an attachment with its name, type and bytes', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 0xa7), Buffer.from('\n%%EOF\n')]);
    await t.deps.store.transaction((tx) =>
      tx.enqueueMail({
        id: t.deps.newId(),
        recipientId: null,
        to: 'report-reader@example.test',
        kind: 'report_issued',
        subject: '[Tollgate] with a file',
        text: 'The file is attached.',
        html: '<p>The file is attached.</p>',
        unsubscribeUrl: null,
        dedupeKey: 'attachment:1',
        at: now.toISOString(),
        attachment: { filename: 'ABC-2026-W49.pdf', contentType: 'application/pdf', content },
      }),
    );
    expect(await deliverOutbox(t.deps, mailer, 'worker-1')).toMatchObject({ sent: 1 });
    const [mail] = await mailsTo('report-reader@example.test');
    expect(mail?.subject).toBe('[Tollgate] with a file');
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([['ABC-2026-W49.pdf', 'application/pdf']]);
    expect(Buffer.compare(mail?.attachments[0]?.content ?? Buffer.alloc(0), content)).toBe(0);
  });

  it('digest: one e-mail a day at 08:00 in the person’s zone with the notices of that kind since the last one', async () => {
    const res = await call(
      t,
      { method: 'PATCH', url: '/api/v1/me/notification-settings', payload: { evidence_awaits_review: 'digest' } },
      sophie,
    );
    expect(res.statusCode, res.body).toBe(200);
    const before = (await outbox()).length;
    const submitted = await submitSomething(li);
    expect((await outbox()).slice(before).filter((m) => m.to === 'sophie.brandt@example.test')).toEqual([]);
    // 03:00 in Berlin: not yet.
    expect(await sendDigests(t.deps, now)).toBe(0);
    // 08:00 in Berlin: due (the clock moves with it, as the worker passes it).
    const at = async (iso: string) => {
      t.setNow(new Date(iso));
      return sendDigests(t.deps, new Date(iso));
    };
    expect(await at('2026-03-16T07:00:00Z')).toBe(1);
    expect(await at('2026-03-16T15:00:00Z')).toBe(0);
    const digests = (await outbox()).filter((m) => m.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ to: 'sophie.brandt@example.test', dedupeKey: `digest:${sophie.id}:2026-03-16` });
    expect(digests[0]?.text).toContain(`${publicUrl}/programs/KHG-KW500/gates/${submitted.gateKey}#${submitted.itemKey}`);
    expect(digests[0]?.text).toContain('Mon 16 Mar 2026, 03:00 UTC+01:00 (Europe/Berlin)');
    // The next day nothing new happened: no digest.
    expect(await at('2026-03-17T07:30:00Z')).toBe(0);
    await deliverOutbox(t.deps, mailer, 'worker-1');
    t.setNow(now);
    const mail = (await mailsTo('sophie.brandt@example.test')).find((m) => m.subject?.includes('daily digest')) as ParsedMail;
    expect(mail.subject).toBe('[Tollgate] Your daily digest for Mon 16 Mar 2026: 1 notice');
    expect(mail.html).toContain(submitted.itemKey);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('the worker sends right after a commit that queued mail (nudged), not only at its poll', async () => {
    const worker = startOutboxDelivery({ deps: t.deps, mailer, workerId: 'job', pollMs: 600_000, onError: (e) => console.error(e) });
    try {
      // Its first round runs at once; wait for it to be done with whatever was due.
      await eventually(async () => (await outbox()).every((m) => m.sentAt !== null || m.failedAt !== null), 'the first round');
      const accepted = sink.raw.length;
      await transact(t.deps.store, (tx) =>
        notify(t.deps, tx, { actorId: null, at: now.toISOString() }, [
          {
            kind: 'action_assigned',
            programId: program.id,
            recipients: [li.id],
            facts: { programCode: program.code, actionKey: 'A-94', title: 'Nudged' },
          },
        ]),
      );
      await eventually(() => sink.raw.length === accepted + 1, 'the nudged message');
    } finally {
      await worker.stop();
    }
  });

  it('settings: every kind with its mode and the default; changes are validated and change-logged', async () => {
    const mine = await settings(jonas);
    expect(mine.isMailOn).toBe(true);
    expect(mine.settings.map((s) => s.kind)).toEqual([
      'gate_status_changed',
      'evidence_awaits_review',
      'evidence_rejected',
      'gate_at_risk',
      'intake_submitted',
      'action_assigned',
      'escalation_raised',
      'escalation_climbed',
      'update_requested',
    ]);
    expect(mine.settings.every((s) => s.mode === 'immediate' && s.defaultMode === 'immediate')).toBe(true);
    const changed = await call(
      t,
      { method: 'PATCH', url: '/api/v1/me/notification-settings', payload: { gate_at_risk: 'digest', action_assigned: 'off' } },
      jonas,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<NotificationSettings>().settings.filter((s) => s.mode !== 'immediate')).toEqual([
      expect.objectContaining({ kind: 'gate_at_risk', mode: 'digest' }),
      expect.objectContaining({ kind: 'action_assigned', mode: 'off' }),
    ]);
    const again = await call(
      t,
      { method: 'PATCH', url: '/api/v1/me/notification-settings', payload: { gate_at_risk: 'immediate' } },
      jonas,
    );
    expect(again.statusCode, again.body).toBe(200);
    const logged = await t.db.rows(
      `select old_value, new_value from changes where entity = 'notification_setting' and actor_id = '${jonas.id}' and field = 'mode' order by at, id`,
    );
    expect(logged.map((r) => [r.old_value, r.new_value])).toEqual(
      expect.arrayContaining([
        [null, 'digest'],
        [null, 'off'],
        ['digest', 'immediate'],
      ]),
    );
    const url = '/api/v1/me/notification-settings';
    expectProblem(await call(t, { method: 'PATCH', url, payload: { gate_at_risk: 'weekly' } }, jonas), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'PATCH', url, payload: { no_such_kind: 'off' } }, jonas), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'PATCH', url, payload: {} }, jonas), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'GET', url }, 'anonymous'), 401, 'UNAUTHENTICATED');
    expect(await modeOf(jonas, 'action_assigned')).toBe('off');
  });

  // Two pools on one database: PostgreSQL's claim (SQLite has one process); defined only there, never skipped.
  if (dialect === 'postgres')
    it('two workers on two pools of one PostgreSQL send each message once', async () => {
      const second = openStore({ databaseUrl: t.db.databaseUrl, dataDir: t.db.dataDir });
      const otherDeps: AppDeps = { ...t.deps, store: second.store as Store };
      try {
        const accepted = sink.raw.length;
        for (let i = 0; i < 40; i++) {
          await t.deps.store.transaction((tx) =>
            tx.enqueueMail({
              id: t.deps.newId(),
              recipientId: li.id,
              to: 'li.wei@example.test',
              kind: 'action_assigned',
              subject: `[Tollgate] message ${i}`,
              text: `message ${i}`,
              html: `<p>message ${i}</p>`,
              unsubscribeUrl: null,
              dedupeKey: `two-workers:${i}`,
              at: now.toISOString(),
            }),
          );
        }
        const drain = async (deps: AppDeps, id: string) => {
          let sent = 0;
          for (;;) {
            const r = await deliverOutbox(deps, mailer, id, { limit: 3 });
            sent += r.sent;
            if (r.claimed === 0) return sent;
          }
        };
        const [a, b] = await Promise.all([drain(t.deps, 'pool-a'), drain(otherDeps, 'pool-b')]);
        expect(a + b).toBe(40);
        const got = sink.raw.slice(accepted).map((r) => /^Message-ID: (.*)$/im.exec(r.toString('utf8'))?.[1]);
        expect(got).toHaveLength(40);
        expect(new Set(got).size).toBe(40);
        const rows = await t.db.rows(`select count(*) as n from outbox where dedupe_key like 'two-workers:%' and sent_at is not null`);
        expect(Number(rows[0]?.n)).toBe(40);
      } finally {
        await second.store.close();
      }
    });
});
