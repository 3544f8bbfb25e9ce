import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { deliverOutbox } from '../../src/app/mail/deliver-outbox.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { mailLeadershipViews } from '../../src/app/reports/mail-leadership-view.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program } from '../../src/domain/program.js';
import { smtpMailer } from '../../src/jobs/smtp-mailer.js';
import { renderLeadershipPdf } from '../../src/pdf/leadership-pdf.js';
import { renderIssuedReportPdf } from '../../src/pdf/weekly-report-pdf.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { readPdf } from '../support/pdf-pages.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

/*
 * The weekly leadership view by e-mail: Dana Finance (observer of SZ-MAIL, in Shanghai) subscribes in her
 * account and gets 2026-W49's view on Monday 7 December from 08:00 there (00:00 UTC); the cadence owner
 * (in Chicago, both programs) at 08:00 Chicago (14:00 UTC). Real SMTP on loopback, every instant fixed.
 */
const publicUrl = 'https://tollgate.example.test';
const pin = (deps: AppDeps, at: string) => {
  (deps.clock as { now: () => Date }).now = () => new Date(at);
};

describe.each(dialects)('the leadership view e-mailed to subscribers on %s', (dialect) => {
  let t: TestApp;
  let sz: Program;
  let dana: Actor;

  const subscribe = async (who: Actor, on: boolean) => {
    const me = (await call(t, { method: 'GET', url: '/api/v1/me' }, who)).json<{ version: number }>();
    const res = await call(t, { method: 'PATCH', url: '/api/v1/me', payload: { version: me.version, hasLeadershipMail: on } }, who);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ hasLeadershipMail: boolean }>().hasLeadershipMail).toBe(on);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    pin(t.deps, '2026-11-25T02:00:00Z');
    sz = await seedProgram(t, 'SZ-MAIL');
    await seedProgram(t, 'CHI-MAIL', { timeZone: 'America/Chicago' });
    dana = await seedUser(t, 'Dana Finance', 'dana@example.test', { programId: sz.id, role: 'observer' });
    unwrap(
      await createMilestone(t.deps, {
        programId: sz.id,
        actor: t.actor,
        name: 'Pilot run',
        phase: 'G2',
        baselineDate: '2026-12-10' as PlainDate,
        ownerId: t.actor.id,
      }),
    );
    pin(t.deps, '2026-12-01T02:00:00Z');
    const m = (await t.deps.store.reads.listMilestones(sz.id as AuthorizedProgramId))[0];
    if (!m) throw new Error('no milestone');
    unwrap(
      await moveMilestone(t.deps, {
        programId: sz.id,
        milestoneId: m.id,
        version: m.version,
        actor: t.actor,
        forecastDate: '2026-12-15' as PlainDate,
        reason: 'Steel arrives late',
      }),
    );
    Object.assign(t.deps, { mail: { publicUrl, reportPdf: renderIssuedReportPdf, leadershipPdf: renderLeadershipPdf } });
  });
  afterAll(() => t.close());

  it('is a setting of one’s own account, validated, and nobody gets it without subscribing', async () => {
    const me = (await call(t, { method: 'GET', url: '/api/v1/me' }, dana)).json<{ version: number; hasLeadershipMail: boolean }>();
    expect(me.hasLeadershipMail).toBe(false);
    const bad = expectProblem(
      await call(t, { method: 'PATCH', url: '/api/v1/me', payload: { version: me.version, hasLeadershipMail: 'yes' } }, dana),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(bad)).toEqual(['hasLeadershipMail']);
    pin(t.deps, '2026-12-07T00:00:00Z');
    expect(await mailLeadershipViews(t.deps)).toEqual({ due: 0, queued: 0 });
    await subscribe(dana, true);
    await subscribe(t.actor, true);
  });

  it('sends last week’s view on Monday from 08:00 in each subscriber’s zone, once, HTML and text with the PDF', async () => {
    const sink = await startSmtpSink();
    const mailer = smtpMailer(sink.url, 'Tollgate <tollgate@example.test>');
    try {
      pin(t.deps, '2026-12-06T23:59:00Z');
      expect(await mailLeadershipViews(t.deps)).toEqual({ due: 0, queued: 0 });
      pin(t.deps, '2026-12-07T00:00:00Z');
      expect(await mailLeadershipViews(t.deps)).toEqual({ due: 1, queued: 1 });
      pin(t.deps, '2026-12-07T00:15:00Z');
      expect(await mailLeadershipViews(t.deps)).toEqual({ due: 0, queued: 0 });
      // Two instances at Monday 08:00 in Chicago: the cadence owner gets one e-mail.
      pin(t.deps, '2026-12-07T14:00:00Z');
      const second = dialect === 'postgres' ? (await t.restart()).deps : t.deps;
      Object.assign(second, { mail: t.deps.mail });
      pin(second, '2026-12-07T14:00:00Z');
      const [a, b] = await Promise.all([mailLeadershipViews(t.deps), mailLeadershipViews(second)]);
      expect(a.queued + b.queued).toBe(1);
      expect(await deliverOutbox(t.deps, mailer, 'worker-1')).toMatchObject({ sent: 2, retrying: 0 });
      const mails = await sink.parsed();
      const to = (m: (typeof mails)[number]) => (m.to && !Array.isArray(m.to) ? m.to.text : '');
      expect(mails.map(to).sort()).toEqual(['dana@example.test', t.actor.email].sort());
      const danas = mails.find((m) => to(m) === 'dana@example.test');
      const leads = mails.find((m) => to(m) === t.actor.email);
      expect(danas?.subject).toBe('[Tollgate] Leadership view 2026-W49: 1 of 1 program needs attention');
      expect(leads?.subject).toMatch(/^\[Tollgate\] Leadership view 2026-W49: \d of 2 programs need/);
      for (const m of [danas, leads]) {
        expect(m?.text).toContain('Portfolio 2026-W49');
        expect(m?.text).toContain('Steel arrives late');
        expect(m?.text).toContain(`${publicUrl}/portfolio/weeks/2026-W49`);
        expect(m?.html).toContain('<h2>Needs attention first</h2>');
        expect(m?.attachments.map((x) => [x.filename, x.contentType])).toEqual([['portfolio-2026-W49.pdf', 'application/pdf']]);
      }
      // Dana sees only SZ-MAIL; the cadence owner both.
      expect(danas?.text).not.toContain('CHI-MAIL');
      expect(leads?.text).toContain('CHI-MAIL');
      const text = (await readPdf(danas?.attachments[0]?.content ?? Buffer.alloc(0))).map((p) => p.lines.join('\n')).join('\n');
      for (const s of ['Portfolio 2026-W49', 'SZ-MAIL', 'Steel arrives late']) expect(text).toContain(s);
      // Every e-mail carries a one-click way out (RFC 8058): the header and a link in both parts, for this person only.
      const offLine = danas?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, '') ?? '';
      const off = /<(https:[^>]+)>/.exec(offLine)?.[1] ?? '';
      expect(off).toMatch(new RegExp(`^${publicUrl}/notification-settings/one-click\\?token=`));
      expect(danas?.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain('List-Unsubscribe=One-Click');
      expect(danas?.text).toContain(`Stop it with one click: ${off}`);
      expect(danas?.html).toContain('Stop it with one click</a>');
      expect(leads?.text).not.toContain(off);
      const path = off.slice(publicUrl.length);
      const page = await t.http.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.body).toContain('The weekly leadership view: every Monday → <strong>off</strong>');
      const me = async () => (await call(t, { method: 'GET', url: '/api/v1/me' }, dana)).json<{ hasLeadershipMail: boolean }>();
      expect((await me()).hasLeadershipMail).toBe(false);
      const logged = await t.db.rows(
        `select field, old_value, new_value, reason, actor_id from changes where entity = 'user' and entity_id = '${dana.id}' and field = 'hasLeadershipMail' order by at, id`,
      );
      expect(logged.at(-1)).toEqual({
        field: 'hasLeadershipMail',
        old_value: 'true',
        new_value: 'false',
        reason: 'Turned off with the one-click link of an e-mail.',
        actor_id: dana.id,
      });
      // The page's Undo subscribes her again; the cadence owner's subscription was never touched.
      const undo = await t.http.inject({
        method: 'POST',
        url: '/notification-settings/one-click',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: new URLSearchParams({
          token: new URL(off).searchParams.get('token') ?? '',
          'restore.leadership_view': 'weekly',
        }).toString(),
      });
      expect(undo.statusCode, undo.body).toBe(200);
      expect(undo.body).toContain('The weekly leadership view: off → <strong>every Monday</strong>');
      expect((await me()).hasLeadershipMail).toBe(true);
      expect((await call(t, { method: 'GET', url: '/api/v1/me' })).json<{ hasLeadershipMail: boolean }>().hasLeadershipMail).toBe(true);
      // Tuesday: nothing more; unsubscribed, nothing the next Monday.
      pin(t.deps, '2026-12-08T02:00:00Z');
      expect(await mailLeadershipViews(t.deps)).toEqual({ due: 0, queued: 0 });
      await subscribe(dana, false);
      pin(t.deps, '2026-12-14T00:00:00Z');
      expect(await mailLeadershipViews(t.deps)).toEqual({ due: 0, queued: 0 });
    } finally {
      mailer.close();
      await sink.close();
    }
  });
});
