import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { intakePersonEmail } from '../../src/app/intake/intake-person.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths } from './helpers.js';

interface LinkBody {
  id: string;
  clientId: string;
  clientName: string;
  label: string;
  createdByName: string;
  state: 'open' | 'revoked' | 'expired';
  submissions: number;
  expiresAt: string | null;
  revokedAt: string | null;
  version: number;
}
interface NewLinkBody {
  link: LinkBody;
  token: string;
  url: string | null;
}
interface ReceiptBody {
  reference: string;
  programId: string;
  programName: string;
  clientName: string;
  risksRaised: number;
}

// Wednesday 11 March 2026, noon in Ningbo.
const now = new Date('2026-03-11T04:00:00Z');

const answers = (over: Record<string, unknown> = {}) => ({
  product: 'Cordless kettle 1.7 l',
  name: 'Kettle KW-700 launch',
  supplierName: 'Ningbo Lisheng Electric Appliance',
  factoryCity: 'Ningbo',
  factoryCountry: 'CN',
  timeZone: 'Asia/Shanghai',
  targetReleaseDate: '2026-09-30',
  currentPhase: 'G2',
  knownRisks: ['Heating element supplier single-sourced', 'Lid hinge tooling not yet at T1'],
  contacts: [
    { name: 'Jonas Keller', role: 'Buyer', email: 'jonas.keller@keller.example', phone: '' },
    { name: 'Li Wei', role: 'Factory PM', email: '', phone: '+86 574 5555 0101' },
  ],
  note: 'Pilot needs 200 units for the trade fair.\nPackaging artwork follows.',
  ...over,
});

describe.each(dialects)('program intake API on %s', (dialect) => {
  let t: TestApp;
  let keller: string;
  let nordwind: string;
  let dana: Actor;
  let olga: Actor;
  let jonas: Actor;
  let outsider: Actor;
  const links = (q = '', who?: Actor) => call(t, { method: 'GET', url: `/api/v1/intake-links${q}` }, who);
  const create = (clientId: string, body: Record<string, unknown>, who?: Actor) =>
    call(t, { method: 'POST', url: `/api/v1/clients/${clientId}/intake-links`, payload: body }, who);
  const form = (token: string, http: FastifyInstance = t.http) => http.inject({ method: 'GET', url: `/api/v1/intake/${token}` });
  const submit = (token: string, body: unknown = answers(), http: FastifyInstance = t.http) =>
    http.inject({ method: 'POST', url: `/api/v1/intake/${token}`, payload: body as Record<string, unknown> });

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      publicUrl: 'https://tollgate.example.com',
      intakeRateLimits: { submissionsPerHour: 1000, requestsPerMinute: 1000 },
    });
    t.setNow(now);
    keller = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'DE' })).id;
    nordwind = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Nordwind Outdoor', country: 'SE' })).id;
    dana = await t.grant(t.actor, { clientId: keller, role: 'cadence_owner' });
    olga = await t.addPerson({
      email: 'olga.nilsson@example.test',
      name: 'Olga Nilsson',
      roles: [{ clientId: nordwind, role: 'cadence_owner' }],
    });
    jonas = await t.addPerson({
      email: 'jonas.keller@example.test',
      name: 'Jonas Keller',
      roles: [{ clientId: keller, role: 'observer' }],
    });
    outsider = await t.addPerson({ email: 'sam@example.test', name: 'Sam Ortiz' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes a link for the client, answers its secret and address once, and never lists the secret', async () => {
    const res = await create(keller, { label: 'Keller buyers', expiresInDays: 30 }, dana);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<NewLinkBody>();
    expect(made.token).toMatch(/^tgk_[A-Za-z0-9_-]{43}$/);
    expect(made.url).toBe(`https://tollgate.example.com/intake/${made.token}`);
    expect(made.link).toMatchObject({ clientName: 'Keller Haushaltsgeräte GmbH', label: 'Keller buyers', state: 'open', submissions: 0 });
    expect(made.link.expiresAt).toBe('2026-04-10T04:00:00.000Z');

    const listed = await links(`?clientId=${keller}`, dana);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.body).not.toContain(made.token);
    expect(listed.body).not.toContain(made.token.slice(4, 20));
    expect(listed.json<{ items: LinkBody[] }>().items.map((l) => l.id)).toContain(made.link.id);

    // The secret is kept only as its hash; the change log says only that it was set.
    const rows = await t.db.rows('SELECT token_hash FROM intake_links');
    expect(rows.map((r) => r.token_hash)).not.toContain(made.token);
    const logged = await t.db.rows("SELECT new_value FROM changes WHERE entity = 'intake_link' AND field = 'tokenHash'");
    expect(logged.map((r) => r.new_value)).toEqual(['set']);
  });

  it('lets only admins and the client’s cadence owners make, list and revoke its links', async () => {
    for (const who of [jonas, olga, outsider]) expectProblem(await create(keller, { label: 'Nope' }, who), 403, 'FORBIDDEN');
    expectProblem(await links(`?clientId=${keller}`, olga), 403, 'FORBIDDEN');
    const admin = await create(keller, { label: 'By the admin' }, t.admin);
    expect(admin.statusCode, admin.body).toBe(201);
    const id = admin.json<NewLinkBody>().link.id;
    // Olga runs another client's cadence: she sees none of Keller's links, and may not revoke them.
    expect((await links('', olga)).json<{ items: LinkBody[] }>().items).toEqual([]);
    expectProblem(
      await call(t, { method: 'POST', url: `/api/v1/intake-links/${id}/revoke`, payload: {} }, olga),
      404,
      'INTAKE_LINK_NOT_FOUND',
    );
    expect((await links('', t.admin)).json<{ items: LinkBody[] }>().items.map((l) => l.id)).toContain(id);
  });

  it('shows the form to anyone with the link: the client, the templates and the limits', async () => {
    const { token } = (await create(keller, { label: 'Form' }, dana)).json<NewLinkBody>();
    const res = await form(token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ clientName: string; templates: { id: string }[]; limits: Record<string, number> }>();
    expect(body.clientName).toBe('Keller Haushaltsgeräte GmbH');
    expect(body.templates.map((x) => x.id)).toEqual(expect.arrayContaining(['default-4-gate', 'apqp-ppap']));
    expect(body.limits).toMatchObject({ name: 200, risks: 10, contacts: 10, note: 4000, bodyBytes: 65536 });
  });

  it('makes a draft program for the link’s client, visible to its cadence owner, with the risks and the intake record', async () => {
    const { token, link } = (await create(keller, { label: 'Keller buyers' }, dana)).json<NewLinkBody>();
    const res = await submit(token);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<ReceiptBody>();
    expect(receipt).toMatchObject({ clientName: 'Keller Haushaltsgeräte GmbH', programName: 'Kettle KW-700 launch', risksRaised: 2 });
    expect(receipt.reference).toMatch(/^INT-CORDLESS-KETTLE-[A-HJ-NP-Z2-9]{4}$/);

    const program = await call(t, { method: 'GET', url: `/api/v1/programs/${receipt.reference}` }, dana);
    expect(program.statusCode, program.body).toBe(200);
    expect(program.json()).toMatchObject({
      code: receipt.reference,
      status: 'draft',
      product: 'Cordless kettle 1.7 l',
      client: { id: keller },
      supplier: { name: 'Ningbo Lisheng Electric Appliance', city: 'Ningbo', country: 'CN' },
      targetReleaseDate: '2026-09-30',
    });
    // Another client's cadence owner does not see it.
    expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/${receipt.reference}` }, olga), 404, 'PROGRAM_NOT_FOUND');

    const risks = await call(t, { method: 'GET', url: `/api/v1/programs/${receipt.reference}/risks` }, dana);
    const items = risks.json<{ items: { title: string; owner: { id: string } | null; score: number }[] }>().items;
    expect(items.map((r) => r.title).sort()).toEqual(['Heating element supplier single-sourced', 'Lid hinge tooling not yet at T1']);
    expect(items.every((r) => r.owner?.id === dana.id)).toBe(true);

    const intake = await call(t, { method: 'GET', url: `/api/v1/programs/${receipt.reference}/intake` }, jonas);
    expect(intake.statusCode, intake.body).toBe(200);
    expect(intake.json()).toMatchObject({
      intake: {
        submittedByName: 'Intake form',
        linkLabel: 'Keller buyers',
        templateId: 'default-4-gate',
        ppapLevel: null,
        currentPhase: 'G2',
        knownRisks: answers().knownRisks,
        contacts: answers().contacts,
        note: answers().note,
      },
    });

    // The change log names the intake person, with the link and the first contact in the reason.
    const log = (await t.db.rows(`SELECT DISTINCT actor_id, reason, entity FROM changes WHERE program_id = '${receipt.programId}'`)) as {
      actor_id: string;
      reason: string | null;
      entity: string;
    }[];
    const person = await t.deps.store.reads.findUserByEmail(intakePersonEmail);
    expect(person).toMatchObject({ status: 'removed', name: 'Intake form' });
    expect(new Set(log.map((r) => r.actor_id))).toEqual(new Set([person?.id]));
    expect(log.find((r) => r.entity === 'program')?.reason).toBe('Submitted through the intake link "Keller buyers" by Jonas Keller.');

    const listed = (await links(`?clientId=${keller}`, dana)).json<{ items: LinkBody[] }>().items.find((l) => l.id === link.id);
    expect(listed?.submissions).toBe(1);
  });

  it('keeps the chosen template and PPAP level, and refuses a level for a template without PPAP', async () => {
    const { token } = (await create(keller, { label: 'APQP' }, dana)).json<NewLinkBody>();
    const ok = await submit(token, answers({ product: '电热水壶', templateId: 'apqp-ppap', ppapLevel: 4 }));
    expect(ok.statusCode, ok.body).toBe(201);
    const reference = ok.json<ReceiptBody>().reference;
    expect(reference).toMatch(/^INT-[A-HJ-NP-Z2-9]{4}$/);
    const intake = await call(t, { method: 'GET', url: `/api/v1/programs/${reference}/intake` }, dana);
    expect(intake.json()).toMatchObject({ intake: { templateId: 'apqp-ppap', ppapLevel: 4 } });
    // The draft's gates come from the chosen template, at the chosen level.
    const gates = await call(t, { method: 'GET', url: `/api/v1/programs/${reference}/gates` }, dana);
    expect(gates.statusCode, gates.body).toBe(200);
    const items = gates.json<{ gates: { templateId: string; ppapLevel: number | null }[] }>().gates;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((g) => g.templateId === 'apqp-ppap' && g.ppapLevel === 4)).toBe(true);

    expect(paths(expectProblem(await submit(token, answers({ ppapLevel: 3 })), 422, 'VALIDATION_FAILED'))).toEqual(['ppapLevel']);
    expect(paths(expectProblem(await submit(token, answers({ templateId: 'no-such' })), 422, 'VALIDATION_FAILED'))).toEqual(['templateId']);
  });

  it('refuses wrong answers field by field, control characters too, and writes nothing', async () => {
    const { token } = (await create(keller, { label: 'Validation' }, dana)).json<NewLinkBody>();
    const before = await t.deps.store.reads.countPrograms();
    const bad = await submit(
      token,
      answers({
        product: '',
        name: 'x'.repeat(201),
        factoryCountry: 'China',
        timeZone: 'Mars/Olympus',
        targetReleaseDate: '2026-02-30',
        currentPhase: 'G5',
        knownRisks: Array.from({ length: 11 }, (_, i) => `Risk ${i}`),
        contacts: [{ name: 'No way to reach' }, { name: 'Bell\u0007', email: 'x@example.test' }],
        note: 'a\u0000b',
        extra: true,
      }),
    );
    const p = expectProblem(bad, 422, 'VALIDATION_FAILED');
    expect(paths(p)).toEqual(
      expect.arrayContaining([
        'product',
        'name',
        'factoryCountry',
        'targetReleaseDate',
        'currentPhase',
        'knownRisks',
        'contacts.0.email',
        'contacts.1.name',
        'note',
      ]),
    );
    // A zone is checked once the form reads: not an IANA zone.
    expect(paths(expectProblem(await submit(token, answers({ timeZone: 'Mars/Olympus' })), 422, 'VALIDATION_FAILED'))).toEqual([
      'timeZone',
    ]);
    expect(await t.deps.store.reads.countPrograms()).toBe(before);
  });

  it('answers 404 alike for an unknown, a revoked and an expired link', async () => {
    const { token, link } = (await create(keller, { label: 'Short-lived', expiresInDays: 1 }, dana)).json<NewLinkBody>();
    const revoke = await call(
      t,
      { method: 'POST', url: `/api/v1/intake-links/${link.id}/revoke`, payload: { reason: 'Given to the wrong person.' } },
      dana,
    );
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json<LinkBody>()).toMatchObject({ state: 'revoked', revokedAt: now.toISOString(), version: 2 });
    const { token: expiring } = (await create(keller, { label: 'Expiring', expiresInDays: 1 }, dana)).json<NewLinkBody>();
    t.setNow(new Date(now.getTime() + 2 * 24 * 3600_000));
    try {
      const answersFor = await Promise.all(
        [token, expiring, 'tgk_unknownunknownunknownunknownunknownunknown1'].map(async (x) => [await form(x), await submit(x)]),
      );
      const bodies = answersFor.flat().map((res) => {
        const body = expectProblem(res, 404, 'INTAKE_LINK_NOT_FOUND');
        return body.detail;
      });
      expect(new Set(bodies).size).toBe(1);
    } finally {
      t.setNow(now);
    }
  });

  it('takes submissions from signed-in client users without a link, and refuses people without a role on the client', async () => {
    const formRes = await call(t, { method: 'GET', url: `/api/v1/clients/${keller}/intake` }, jonas);
    expect(formRes.statusCode, formRes.body).toBe(200);
    const res = await call(t, { method: 'POST', url: `/api/v1/clients/${keller}/intake`, payload: answers({ knownRisks: [] }) }, jonas);
    expect(res.statusCode, res.body).toBe(201);
    const { reference } = res.json<ReceiptBody>();
    const program = await call(t, { method: 'GET', url: `/api/v1/programs/${reference}` }, dana);
    expect(program.json()).toMatchObject({ status: 'draft', client: { id: keller } });
    const intake = await call(t, { method: 'GET', url: `/api/v1/programs/${reference}/intake` }, dana);
    expect(intake.json()).toMatchObject({ intake: { submittedById: jonas.id, submittedByName: 'Jonas Keller', linkLabel: null } });

    for (const who of [olga, outsider]) {
      expectProblem(await call(t, { method: 'POST', url: `/api/v1/clients/${keller}/intake`, payload: answers() }, who), 403, 'FORBIDDEN');
      expectProblem(await call(t, { method: 'GET', url: `/api/v1/clients/${keller}/intake` }, who), 403, 'FORBIDDEN');
    }
    expectProblem(
      await call(t, { method: 'POST', url: `/api/v1/clients/${keller}/intake`, payload: answers() }, 'anonymous'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses a body over 64 KB with 413 before reading it', async () => {
    const { token } = (await create(keller, { label: 'Large' }, dana)).json<NewLinkBody>();
    const res = await submit(token, answers({ note: 'n'.repeat(70_000) }));
    const p = expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(p.detail).toMatch(/large/i);
    const signedIn = await call(
      t,
      { method: 'POST', url: `/api/v1/clients/${keller}/intake`, payload: answers({ note: 'n'.repeat(70_000) }) },
      jonas,
    );
    expectProblem(signedIn, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('limits submissions per link and requests per address, with Retry-After', async () => {
    const { token } = (await create(keller, { label: 'Limited' }, dana)).json<NewLinkBody>();
    const perLink = await t.build({ intakeRateLimits: { submissionsPerHour: 2, requestsPerMinute: 1000 } });
    for (let i = 0; i < 2; i++) expect((await submit(token, answers(), perLink)).statusCode).toBe(201);
    const limited = await submit(token, answers(), perLink);
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The form still opens: the per-link limit counts submissions only.
    expect((await form(token, perLink)).statusCode).toBe(200);

    const perAddress = await t.build({ intakeRateLimits: { submissionsPerHour: 1000, requestsPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await form('tgk_unknown', perAddress)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});
