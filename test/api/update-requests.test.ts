import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openAction } from '../../src/app/actions/open-action.js';
import { invitePerson } from '../../src/app/auth/invite-person.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { deliverOutbox } from '../../src/app/mail/deliver-outbox.js';
import { runUpdateRequests } from '../../src/app/update-requests/run-update-requests.js';
import type { UpdateLinkSchema, UpdateRequestListSchema } from '../../src/contract/update-request.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { smtpMailer } from '../../src/jobs/smtp-mailer.js';
import { renderIssuedReportPdf } from '../../src/pdf/weekly-report-pdf.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { completeCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { call, expectProblem, paths } from './helpers.js';

/*
 * A kettle program in Ningbo (Asia/Shanghai) whose weekly report goes out on Friday at 16:00, with update
 * requests two business days before: Wednesday 2 December 2026 for the report of 2026-W49. Li Na, the supplier's
 * contact, was invited but never signed in (no account): she is sent a signed link. Chen Wei signs in: he is
 * asked in "my week". Every instant is fixed.
 */
const d = (s: string) => s as PlainDate;
const week = '2026-W49';
const setUpAt = new Date('2026-11-02T01:00:00Z');
const tuesday = new Date('2026-12-01T04:00:00Z');
const wednesday = new Date('2026-12-02T01:00:00Z');
const publicUrl = 'https://tollgate.example.test';

type LinkView = z.output<typeof UpdateLinkSchema>;
type RequestList = z.output<typeof UpdateRequestListSchema>;

describe.each(dialects)('update requests on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let mailer: ReturnType<typeof smtpMailer>;
  let program: Program;
  let chen: Actor;
  let liId: string;
  let token: string;
  const ids: Record<string, string> = {};
  const link = (path = '') => `/api/v1/update-links/${encodeURIComponent(token)}${path}`;
  const openLink = async () => {
    const res = await t.http.inject({ method: 'GET', url: link() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LinkView>();
  };
  const list = async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/update-requests?week=${week}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RequestList>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(setUpAt);
    const client = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
    const li = unwrap(
      await invitePerson(t.deps, {
        actor: t.admin,
        email: 'li.na@supplier.example',
        name: '李娜',
        timeZone: 'Asia/Shanghai',
        roles: [{ clientId: client.id, role: 'contributor' }],
      }),
    );
    liId = li.user.id;
    chen = await t.addPerson({ email: 'chen.wei@example.test', name: 'Chen Wei', timeZone: 'Asia/Shanghai' });
    program = unwrap(
      await createProgram(t.deps, {
        actor: t.admin,
        code: 'KHG-UR1',
        name: 'Kettle UR1',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'cn',
        timeZone: 'Asia/Shanghai',
        ownerId: t.actor.id,
        owners: { cadence_owner: [t.actor.id], contributor: [chen.id] },
      }),
    );
    await t.grant(t.actor, { programId: program.id, role: 'cadence_owner' });
    const milestone = async (key: string, name: string, ownerId: string, baselineDate: string) => {
      ids[key] = unwrap(
        await createMilestone(t.deps, { programId: program.id, actor: t.actor, name, phase: 'G2', baselineDate: d(baselineDate), ownerId }),
      ).milestone.id;
    };
    // Li's: a pilot run due this Friday, and a trial order far ahead (touched since: not asked about).
    await milestone('pilot', 'Pilot run complete', liId, '2026-12-04');
    await milestone('trial', 'Trial order shipped', liId, '2027-03-01');
    await milestone('chens', 'Tooling T2 approved', chen.id, '2026-12-03');
    ids.action = unwrap(
      await openAction(t.deps, {
        programId: program.id,
        actor: t.actor,
        title: 'Send the revised control plan',
        ownerId: liId,
        dueDate: d('2026-11-27'),
        severity: 'medium',
      }),
    ).action.id;
    // A checklist item of G1 (not started: its items are asked about only when due) is given to Li, due Thursday.
    const g1 = (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/G1` })).json<{
      items: { id: string; key: string; version: number }[];
    }>();
    const tooling = g1.items.find((i) => i.key === 'G1-TOOLING-T1');
    ids.tooling = tooling?.id as string;
    const given = await call(t, {
      method: 'PATCH',
      url: `/api/v1/programs/${program.code}/gates/G1/items/G1-TOOLING-T1`,
      payload: { version: tooling?.version, ownerId: liId, dueDate: '2026-12-03' },
    });
    expect(given.statusCode, given.body).toBe(200);
    // The trial order's forecast was touched last week: neither due nor untouched.
    t.setNow(new Date('2026-11-25T01:00:00Z'));
    const res = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones/${ids.trial}/move`,
      payload: { forecastDate: '2027-03-05', reason: 'Customer moved the trial order', version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, 'Tollgate <tollgate@example.test>');
    Object.assign(t.deps, { mail: { publicUrl, reportPdf: renderIssuedReportPdf } });
  });
  afterAll(async () => {
    mailer?.close();
    await sink?.close();
    await t?.close();
  });

  it('the charter sets when requests go out; a value out of range is refused naming its field', async () => {
    t.setNow(new Date('2026-11-30T01:00:00Z'));
    const url = `/api/v1/programs/${program.code}/charter`;
    const { version } = (await call(t, { method: 'GET', url })).json<{ version: number }>();
    const charter = completeCharter(t.actor.id);
    const bad = await call(t, {
      method: 'PUT',
      url,
      payload: {
        ...charter,
        version,
        weeklyReport: { ...charter.weeklyReport, updateRequests: { businessDaysBefore: 11, untouchedDays: 0 } },
      },
    });
    expect(paths(expectProblem(bad, 422, 'VALIDATION_FAILED')).sort()).toEqual([
      'weeklyReport.updateRequests.businessDaysBefore',
      'weeklyReport.updateRequests.untouchedDays',
    ]);
    const good = await call(t, {
      method: 'PUT',
      url,
      payload: {
        ...charter,
        version,
        weeklyReport: { ...charter.weeklyReport, updateRequests: { businessDaysBefore: 2, untouchedDays: 14 } },
        reason: 'Ask before the report',
      },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({
      weeklyReport: { weekday: 5, time: '16:00', updateRequests: { businessDaysBefore: 2, untouchedDays: 14 } },
    });
    const logged = await t.db.rows(
      `select field, new_value from changes where entity = 'charter' and field like 'request%' order by field`,
    );
    expect(logged).toEqual([
      { field: 'requestDaysBefore', new_value: '2' },
      { field: 'requestUntouchedDays', new_value: '14' },
    ]);
  });

  it('nothing goes out before the request day; on it, each owner is asked once, however often the run comes', async () => {
    t.setNow(tuesday);
    expect(await runUpdateRequests(t.deps)).toEqual({ programs: 0, requests: 0, links: 0 });
    t.setNow(wednesday);
    expect(await runUpdateRequests(t.deps)).toEqual({ programs: 1, requests: 2, links: 1 });
    t.setNow(new Date(wednesday.getTime() + 15 * 60_000));
    expect(await runUpdateRequests(t.deps)).toEqual({ programs: 0, requests: 0, links: 0 });

    const l = await list();
    expect(l.requests.map((r) => [r.owner.name, r.hasAccount, r.answeredAt, r.link?.state ?? null])).toEqual(
      expect.arrayContaining([
        ['李娜', false, null, 'open'],
        ['Chen Wei', true, null, null],
      ]),
    );
    const lis = l.requests.find((r) => r.owner.id === liId);
    expect(lis?.items.map((i) => [i.key, i.why])).toEqual([
      ['A-1', 'overdue'],
      ['G1-TOOLING-T1', 'due'],
      ['M-1', 'due'],
    ]);
    expect(lis?.link?.expiresAt).toBe('2026-12-16T01:00:00.000Z');
    // Tollgate asked, as itself.
    const asked = await t.db.rows(`select distinct actor_id from changes where entity = 'update_request'`);
    expect(asked).toEqual([{ actor_id: 'system:update-requests' }]);
    // Chen is asked in his week and by a notice; Li, who cannot sign in, gets none.
    const his = (await call(t, { method: 'GET', url: '/api/v1/me/week' }, chen)).json<{
      updateRequests: { week: string; items: { key: string }[] }[];
    }>();
    expect(his.updateRequests).toEqual([expect.objectContaining({ week, items: [expect.objectContaining({ key: 'M-3' })] })]);
    const notices = await t.db.rows(`select recipient_id, kind from notifications where kind = 'update_requested'`);
    expect(notices).toEqual([{ recipient_id: chen.id, kind: 'update_requested' }]);
  });

  it('e-mails both: Li a signed link to her items (HTML and text), Chen the notice with its one-click link', async () => {
    const round = await deliverOutbox(t.deps, mailer, 'worker-1');
    expect(round.failed).toEqual([]);
    const mails = await sink.parsed();
    const to = (address: string) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);
    const lis = to('li.na@supplier.example');
    expect(lis).toHaveLength(1);
    const mail = lis[0] as ParsedMail;
    expect(mail.subject).toBe('[Tollgate] KHG-UR1: please update your items before the 2026-W49 report / 请更新您的事项');
    expect(mail.text).toContain('A-1 Send the revised control plan — Fri 27 Nov 2026 (overdue / 已逾期)');
    expect(mail.text).toContain('Your link works until Wed 16 Dec 2026, 09:00 UTC+08:00 (Asia/Shanghai)');
    const url = new RegExp(`${publicUrl}/update/([A-Za-z0-9_.%-]+)`).exec(mail.text ?? '');
    expect(url).not.toBeNull();
    token = decodeURIComponent(url?.[1] as string);
    expect(mail.html).toContain(`href="${publicUrl}/update/`);
    expect(mail.html).toContain('李娜，您好');
    const chens = to('chen.wei@example.test');
    expect(chens.map((m) => m.subject)).toEqual(['[Tollgate] KHG-UR1: please update your items before the 2026-W49 weekly report']);
    expect(chens[0]?.text).toContain('- M-3 Tooling T2 approved');
    const unsubscribe = chens[0]?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    expect(unsubscribe).toContain(`${publicUrl}/notification-settings/one-click?token=`);
    // Li's has no one-click link: she has no settings to change.
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);
  });

  it('the link opens only Li’s items of the request; any other item is not found', async () => {
    const v = await openLink();
    expect(v).toMatchObject({ week, person: { name: '李娜' }, program: { code: 'KHG-UR1', timeZone: 'Asia/Shanghai' } });
    expect(v.items.map((i) => [i.key, i.kind, i.dueDate, i.canMove, i.canMarkDone, i.canAddEvidence])).toEqual([
      ['A-1', 'action', '2026-11-27', false, true, false],
      ['G1-TOOLING-T1', 'checklist_item', '2026-12-03', false, false, true],
      ['M-1', 'milestone', '2026-12-04', true, false, false],
    ]);
    // Her trial order (not asked about) and Chen's milestone: 404 alike, nothing changes.
    for (const other of [ids.trial, ids.chens]) {
      const res = await t.http.inject({ method: 'POST', url: link(`/items/${other}/confirm`) });
      expectProblem(res, 404, 'UPDATE_ITEM_NOT_FOUND');
      const move = await t.http.inject({
        method: 'POST',
        url: link(`/items/${other}/forecast`),
        payload: { forecastDate: '2027-04-01', reason: 'Try', version: 1 },
      });
      expectProblem(move, 404, 'UPDATE_ITEM_NOT_FOUND');
    }
    // A milestone is moved through the forecast, never marked done as an action.
    expectProblem(
      await t.http.inject({ method: 'POST', url: link(`/items/${ids.pilot}/done`), payload: { note: 'x', version: 1 } }),
      404,
      'UPDATE_ITEM_NOT_FOUND',
    );
  });

  it('Li confirms a date, moves one with a reason (required), marks an action done: all under her name', async () => {
    const confirmed = await t.http.inject({ method: 'POST', url: link(`/items/${ids.pilot}/confirm`) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<LinkView>().items.find((i) => i.key === 'M-1')?.isConfirmed).toBe(true);
    const pilot = (await openLink()).items.find((i) => i.key === 'M-1');
    const noReason = await t.http.inject({
      method: 'POST',
      url: link(`/items/${ids.pilot}/forecast`),
      payload: { forecastDate: '2026-12-09', reason: ' ', version: pilot?.version },
    });
    expect(paths(expectProblem(noReason, 422, 'VALIDATION_FAILED'))).toEqual(['reason']);
    const moved = await t.http.inject({
      method: 'POST',
      url: link(`/items/${ids.pilot}/forecast`),
      payload: { forecastDate: '2026-12-09', reason: 'Mould repair takes three more days', version: pilot?.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<LinkView>().items.find((i) => i.key === 'M-1')?.dueDate).toBe('2026-12-09');
    const action = (await openLink()).items.find((i) => i.key === 'A-1');
    const done = await t.http.inject({
      method: 'POST',
      url: link(`/items/${ids.action}/done`),
      payload: { note: 'Control plan rev C sent to Dana', version: action?.version },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<LinkView>().items.find((i) => i.key === 'A-1')).toMatchObject({ status: 'done', canMarkDone: false });

    const rows = await t.db.rows(
      `select entity, field, new_value, actor_id, reason from changes where actor_id = '${liId}' order by at, entity, field`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'milestone',
          field: 'forecastDate',
          new_value: '2026-12-09',
          reason: 'Mould repair takes three more days',
        }),
        expect.objectContaining({ entity: 'action', field: 'status', new_value: 'done' }),
        expect.objectContaining({ entity: 'update_request', field: 'confirmedItemIds' }),
      ]),
    );
    // Evidence: a photo of the T1 parts on the item, through the evidence upload's own checks.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const boundary = '----tollgate-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nT1 parts on the bench\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t1-parts.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await t.http.inject({
      method: 'POST',
      url: link(`/items/${ids.tooling}/evidence`),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const evidence = await t.db.rows(`select title, file_name, added_by_id from evidence where item_id = '${ids.tooling}'`);
    expect(evidence).toEqual([{ title: 'T1 parts on the bench', file_name: 't1-parts.png', added_by_id: liId }]);
    // Not on a milestone.
    const wrong = await t.http.inject({
      method: 'POST',
      url: link(`/items/${ids.pilot}/evidence`),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expectProblem(wrong, 404, 'UPDATE_ITEM_NOT_FOUND');
    // The cadence owner sees that she answered, and what.
    const lis = (await list()).requests.find((r) => r.owner.id === liId);
    expect(lis?.answeredAt).not.toBeNull();
    expect(lis?.answeredItemIds.sort()).toEqual([ids.action, ids.pilot, ids.tooling].sort());
  });

  it('a changed link is refused; an expired one too; the cadence owner revokes it and it opens nothing', async () => {
    const [payload, signature] = token.split('.');
    const other = Buffer.from((await list()).requests.find((r) => r.owner.id !== liId)?.id ?? '', 'utf8').toString('base64url');
    // The signature changed in its first character (always a different text; the last one's low bits are unused).
    const changed = `${payload}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;
    for (const bad of [changed, `${other}.${signature}`, 'not-a-token']) {
      expectProblem(
        await t.http.inject({ method: 'GET', url: `/api/v1/update-links/${encodeURIComponent(bad)}` }),
        404,
        'UPDATE_LINK_INVALID',
      );
    }
    t.setNow(new Date('2026-12-16T01:00:00Z'));
    expectProblem(await t.http.inject({ method: 'GET', url: link() }), 410, 'UPDATE_LINK_EXPIRED');
    expectProblem(await t.http.inject({ method: 'POST', url: link(`/items/${ids.pilot}/confirm`) }), 410, 'UPDATE_LINK_EXPIRED');
    t.setNow(new Date('2026-12-03T01:00:00Z'));
    const requestId = (await list()).requests.find((r) => r.owner.id === liId)?.id as string;
    const revokeUrl = `/api/v1/programs/${program.code}/update-requests/${requestId}/revoke`;
    expectProblem(await call(t, { method: 'POST', url: revokeUrl, payload: {} }, chen), 403, 'FORBIDDEN');
    const revoked = await call(t, { method: 'POST', url: revokeUrl, payload: { reason: 'Li left the supplier' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<RequestList>().requests.find((r) => r.id === requestId)?.link).toMatchObject({
      state: 'revoked',
      revokedById: t.actor.id,
    });
    expectProblem(await t.http.inject({ method: 'GET', url: link() }), 410, 'UPDATE_LINK_REVOKED');
    expectProblem(
      await t.http.inject({
        method: 'POST',
        url: link(`/items/${ids.pilot}/forecast`),
        payload: { forecastDate: '2026-12-10', reason: 'Again', version: 3 },
      }),
      410,
      'UPDATE_LINK_REVOKED',
    );
    expectProblem(await call(t, { method: 'POST', url: revokeUrl, payload: {} }), 422, 'NOTHING_TO_CHANGE');
    const logged = await t.db.rows(`select field, actor_id, reason from changes where entity = 'update_request' and field = 'revokedAt'`);
    expect(logged).toEqual([{ field: 'revokedAt', actor_id: t.actor.id, reason: 'Li left the supplier' }]);
  });

  it('the list needs a real week and a program the caller sees', async () => {
    expectProblem(
      await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/update-requests?week=2026-W60` }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/NOPE/update-requests?week=${week}` }), 404, 'PROGRAM_NOT_FOUND');
  });

  it('is limited per client address (and per link): beyond the limit, 429 with Retry-After, before the link is read', async () => {
    const limited = await t.build({ updateLinkRequestsPerMinute: 2 });
    const ask = () => limited.inject({ method: 'GET', url: `/api/v1/update-links/${encodeURIComponent(token)}` });
    expect((await ask()).statusCode).not.toBe(429);
    expect((await ask()).statusCode).not.toBe(429);
    const third = await ask();
    expectProblem(third, 429, 'RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });
});
