import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';
import { type Caller, call as callAs, expectProblem, paths } from './helpers.js';

interface ClientBody {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  contacts: { name: string; role: string; email: string; phone: string }[];
  archivedAt: string | null;
  version: number;
}
interface SupplierBody {
  id: string;
  name: string;
  factories: { id: string; supplierId: string; name: string; city: string; country: string; timeZone: string }[];
}
interface ProgramBody {
  id: string;
  code: string;
  name: string;
  product: string;
  status: string;
  timeZone: string;
  supplier: { name: string; city: string; country: string; factoryId: string | null };
  client: { id: string };
  archivedAt: string | null;
  milestoneCount: number;
  myRoles: string[];
  targetReleaseDate: string | null;
  version: number;
}
interface PreviewBody {
  start: string;
  timeZone: string;
  milestones: {
    sourceKey: string;
    key: string;
    date: string;
    owner: { name: string } | null;
    notes: { code: string; message: string }[];
  }[];
  links: { predecessorKey: string; successorKey: string; lagDays: number }[];
  notes: { code: string; message: string }[];
  targetReleaseDate: string | null;
}

// The demo's "today": Wednesday 11 March 2026, midday in Ningbo.
const now = new Date(demoInstant);

describe.each(dialects)('setting up clients, suppliers and programs on %s', (dialect) => {
  let t: TestServer;
  let admin: Caller;
  let lead: Caller;
  let observer: Caller;
  let keller: string;
  const call = (opts: Parameters<typeof callAs>[1], who: Caller = admin) => callAs(t, opts, who);

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    t.setNow(now);
    admin = await t.person('admin@demo.test');
    lead = await t.person('lead@demo.test');
    observer = await t.person('observer@demo.test');
    const kw = await t.deps.store.reads.findProgram('KHG-KW500');
    keller = kw?.clientId as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an admin adds a client with its time zone and contacts; bad input names the field and writes nothing', async () => {
    const made = await call({
      method: 'POST',
      url: '/api/v1/clients',
      payload: {
        name: '  Aurora Lighting Oy ',
        country: 'fi',
        timeZone: 'Europe/Helsinki',
        contacts: [{ name: 'Aino Virtanen', role: 'Sourcing lead', email: 'aino@aurora.example' }],
      },
    });
    expect(made.statusCode).toBe(201);
    const c = made.json<ClientBody>();
    expect(c).toMatchObject({ name: 'Aurora Lighting Oy', country: 'FI', timeZone: 'Europe/Helsinki', archivedAt: null, version: 1 });
    expect(c.contacts).toEqual([{ name: 'Aino Virtanen', role: 'Sourcing lead', email: 'aino@aurora.example', phone: '' }]);

    const before = (await t.deps.store.reads.listClients()).length;
    for (const [payload, field] of [
      [{ name: 'aurora lighting oy', country: 'FI' }, 'name'],
      [{ name: 'Borealis', country: 'XX' }, 'country'],
      [{ name: 'Borealis', country: 'Finland' }, 'country'],
      [{ name: 'Borealis', country: 'FI', timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ name: 'Borealis', country: 'FI', contacts: [{ name: 'A', email: 'not-an-email' }] }, 'contacts.0.email'],
      [{ name: '', country: 'FI' }, 'name'],
    ] as const) {
      const p = expectProblem(await call({ method: 'POST', url: '/api/v1/clients', payload }), 422, 'VALIDATION_FAILED');
      expect(paths(p), JSON.stringify(payload)).toContain(field);
    }
    expect((await t.deps.store.reads.listClients()).length).toBe(before);

    // A cadence owner sees the clients they work with, not the new one; only admins add or edit clients.
    const seen = (await call({ method: 'GET', url: '/api/v1/clients' }, lead)).json<{ items: ClientBody[] }>().items.map((x) => x.name);
    expect(seen).not.toContain('Aurora Lighting Oy');
    expect(seen.length).toBeGreaterThan(0);
    expectProblem(await call({ method: 'POST', url: '/api/v1/clients', payload: { name: 'Mine', country: 'DE' } }, lead), 403, 'FORBIDDEN');

    // Edit at the version read; a stale version is a conflict; every change is in the log.
    const edited = await call({
      method: 'PATCH',
      url: `/api/v1/clients/${c.id}`,
      payload: { version: 1, timeZone: 'Europe/Berlin', reason: 'Sourcing moved to Berlin' },
    });
    expect(edited.json<ClientBody>()).toMatchObject({ timeZone: 'Europe/Berlin', version: 2 });
    expectProblem(
      await call({ method: 'PATCH', url: `/api/v1/clients/${c.id}`, payload: { version: 1, name: 'X' } }),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await call({ method: 'PATCH', url: '/api/v1/clients/nope', payload: { version: 1, name: 'X' } }),
      404,
      'CLIENT_NOT_FOUND',
    );
  });

  it('suppliers and factories are records of their own; a factory name is unique per supplier', async () => {
    const s = await call({ method: 'POST', url: '/api/v1/suppliers', payload: { name: 'Yongkang Metalworks', country: 'CN' } }, lead);
    expect(s.statusCode).toBe(201);
    const supplier = s.json<SupplierBody>();
    const f = await call(
      {
        method: 'POST',
        url: `/api/v1/suppliers/${supplier.id}/factories`,
        payload: { city: 'Yongkang', country: 'CN', timeZone: 'Asia/Shanghai' },
      },
      lead,
    );
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ name: 'Yongkang', city: 'Yongkang', country: 'CN', supplierId: supplier.id });
    const again = expectProblem(
      await call(
        {
          method: 'POST',
          url: `/api/v1/suppliers/${supplier.id}/factories`,
          payload: { city: 'yongkang', country: 'CN', timeZone: 'Asia/Shanghai' },
        },
        lead,
      ),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(again)).toEqual(['name']);
    expectProblem(
      await call({ method: 'POST', url: '/api/v1/suppliers', payload: { name: 'yongkang metalworks', country: 'CN' } }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await call({ method: 'POST', url: '/api/v1/suppliers', payload: { name: 'Z', country: 'CN' } }, observer),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await call({
        method: 'POST',
        url: '/api/v1/suppliers/none/factories',
        payload: { city: 'X', country: 'CN', timeZone: 'Asia/Shanghai' },
      }),
      404,
      'SUPPLIER_NOT_FOUND',
    );
    // The demo's programs became suppliers and factories when the records arrived (migration 0010).
    const list = (await call({ method: 'GET', url: '/api/v1/suppliers' }, observer)).json<{ items: SupplierBody[] }>().items;
    expect(list.find((x) => x.name === 'Yongkang Metalworks')?.factories.map((x) => x.city)).toEqual(['Yongkang']);
    const kw = (await call({ method: 'GET', url: '/api/v1/programs/KHG-KW500' })).json<ProgramBody>();
    const kwFactory = list.flatMap((x) => x.factories).find((x) => x.id === kw.supplier.factoryId);
    expect(kwFactory).toMatchObject({ city: kw.supplier.city, country: kw.supplier.country, timeZone: kw.timeZone });
  });

  it("the client's cadence owner creates a draft program at a factory, with owners by role; it joins their portfolio", async () => {
    const factory = (await t.deps.store.reads.listSuppliers()).flatMap((s) => s.factories).find((f) => f.country === 'CN');
    const payload = {
      code: 'khg-toaster2',
      name: 'Toaster T2',
      product: 'Two-slice toaster, stainless housing',
      clientId: keller,
      factoryId: factory?.id,
      owners: { quality_owner: [(await t.person('quality@demo.test')).id] },
      targetReleaseDate: '2027-02-26',
    };
    const res = await call({ method: 'POST', url: '/api/v1/programs', payload }, lead);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json<ProgramBody>();
    expect(p).toMatchObject({
      code: 'KHG-TOASTER2',
      status: 'draft',
      product: 'Two-slice toaster, stainless housing',
      timeZone: factory?.timeZone,
      supplier: { city: factory?.city, factoryId: factory?.id },
      milestoneCount: 0,
      archivedAt: null,
    });
    expect(p.myRoles).toContain('cadence_owner');
    const people = (await call({ method: 'GET', url: '/api/v1/programs/KHG-TOASTER2/people' }, lead)).json<{
      items: { email: string; roles: string[] }[];
    }>();
    expect(people.items.find((x) => x.email === 'quality@demo.test')?.roles).toContain('quality_owner');
    const portfolio = (await call({ method: 'GET', url: '/api/v1/programs' }, lead)).json<{ items: ProgramBody[] }>().items;
    expect(portfolio.map((x) => x.code)).toContain('KHG-TOASTER2');

    // The code is unique whatever its case; the client must exist; a contributor may not create programs.
    const taken = expectProblem(await call({ method: 'POST', url: '/api/v1/programs', payload }, lead), 422, 'VALIDATION_FAILED');
    expect(paths(taken)).toEqual(['code']);
    expectProblem(
      await call({ method: 'POST', url: '/api/v1/programs', payload: { ...payload, code: 'X' } }, lead),
      422,
      'VALIDATION_FAILED',
    );
    const noFactory = expectProblem(
      await call({ method: 'POST', url: '/api/v1/programs', payload: { ...payload, code: 'KHG-T3', factoryId: 'nope' } }, lead),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(noFactory)).toEqual(['factoryId']);
    expectProblem(
      await call(
        { method: 'POST', url: '/api/v1/programs', payload: { ...payload, code: 'KHG-T4' } },
        await t.person('supplier@demo.test'),
      ),
      403,
      'FORBIDDEN',
    );

    // A draft's code and factory may change; once active (baseline 0) they may not.
    const renamed = await call(
      { method: 'PATCH', url: '/api/v1/programs/KHG-TOASTER2', payload: { version: p.version, code: 'KHG-TST2' } },
      lead,
    );
    expect(renamed.json<ProgramBody>()).toMatchObject({ code: 'KHG-TST2', version: p.version + 1 });
    await writeCompleteCharter(t.deps, 'KHG-TST2', await t.person('lead@demo.test'));
    const active = await call({ method: 'POST', url: '/api/v1/programs/KHG-TST2/activate', payload: { version: p.version + 1 } }, lead);
    expect(active.statusCode, active.body).toBe(201);
    const v = (await call({ method: 'GET', url: '/api/v1/programs/KHG-TST2' }, lead)).json<ProgramBody>().version;
    const late = expectProblem(
      await call({ method: 'PATCH', url: '/api/v1/programs/KHG-TST2', payload: { version: v, code: 'KHG-TST3', product: 'x' } }, lead),
      409,
      'PROGRAM_STATE',
    );
    expect(paths(late)).toEqual(['code']);
    const product = await call(
      { method: 'PATCH', url: '/api/v1/programs/KHG-TST2', payload: { version: v, product: 'Toaster, 2 slices' } },
      lead,
    );
    expect(product.json<ProgramBody>().product).toBe('Toaster, 2 slices');
  });

  it('copies a plan onto a new start on the new factory calendar: preview first, the same dates when created', async () => {
    const cn = (await t.deps.store.reads.listSuppliers()).flatMap((s) => s.factories).find((f) => f.country === 'CN');
    const source = await t.deps.store.reads.findProgram('KHG-KW500');
    const sourceMilestones = await t.deps.store.reads.listMilestones(source?.id as never);
    const sourceLinks = await t.deps.store.reads.listMilestoneLinks(source?.id as never);
    expect(sourceMilestones.length).toBeGreaterThan(3);

    // Starting mid-September 2026 in Ningbo, the plan crosses China's National Day week.
    const body = { startDate: '2026-09-14', factoryId: cn?.id, clientId: keller };
    const pre = await call({ method: 'POST', url: '/api/v1/programs/KHG-KW500/copy-preview', payload: body }, lead);
    expect(pre.statusCode, pre.body).toBe(200);
    const preview = pre.json<PreviewBody>();
    expect(preview.start).toBe('2026-09-14');
    expect(preview.milestones.map((m) => m.key)).toEqual(sourceMilestones.map((_, i) => `M-${i + 1}`));
    expect(preview.links).toHaveLength(sourceLinks.length);
    const holiday = preview.milestones.flatMap((m) => m.notes).find((n) => n.code === 'HOLIDAY' || n.code === 'CLOSED_DAYS_BETWEEN');
    expect(holiday?.message).toMatch(/National Day|Mid-Autumn/i);
    expect(preview.milestones.every((m) => m.date >= '2026-09-14')).toBe(true);
    // Nothing was written by the preview.
    expect(await t.deps.store.reads.findProgram('KHG-KW600')).toBeNull();

    const made = await call(
      {
        method: 'POST',
        url: '/api/v1/programs',
        payload: {
          code: 'KHG-KW600',
          name: 'Kettle KW600',
          clientId: keller,
          factoryId: cn?.id,
          copyFrom: { programId: 'KHG-KW500', startDate: '2026-09-14' },
        },
      },
      lead,
    );
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<ProgramBody>()).toMatchObject({
      milestoneCount: sourceMilestones.length,
      targetReleaseDate: preview.targetReleaseDate,
    });
    const ms = (await call({ method: 'GET', url: '/api/v1/programs/KHG-KW600/milestones' }, lead)).json<{
      items: { key: string; baselineDate: string; forecastDate: string; actualDate: string | null }[];
    }>().items;
    const byKey = new Map(ms.map((m) => [m.key, m]));
    for (const m of preview.milestones) {
      expect(byKey.get(m.key), m.key).toMatchObject({ baselineDate: m.date, forecastDate: m.date, actualDate: null });
    }
    const links = (await call({ method: 'GET', url: '/api/v1/programs/KHG-KW600/links' }, lead)).json<{ items: unknown[] }>().items;
    expect(links).toHaveLength(sourceLinks.length);
    // The copy is in the change log, with its reason.
    const log = await t.deps.store.reads.listChanges((await t.deps.store.reads.findProgram('KHG-KW600'))?.id as never, { limit: 500 });
    expect(log.some((c) => c.entity === 'milestone' && c.reason === 'Copied from KHG-KW500')).toBe(true);

    // A source the person may not see is refused like a missing one, and writes nothing.
    const other = await t.person('other@demo.test');
    const hidden = await call({ method: 'POST', url: '/api/v1/programs/KHG-KW500/copy-preview', payload: body }, other);
    expectProblem(hidden, 404, 'PROGRAM_NOT_FOUND');
  });

  it('an archived program leaves the portfolio but stays readable; a client with running programs cannot be archived', async () => {
    const p = (await call({ method: 'GET', url: '/api/v1/programs/KHG-KW600' }, lead)).json<ProgramBody>();
    const archived = await call(
      { method: 'POST', url: '/api/v1/programs/KHG-KW600/archive', payload: { version: p.version, reason: 'Cancelled by the client' } },
      lead,
    );
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<ProgramBody>().archivedAt).toBe(now.toISOString());
    const portfolio = (await call({ method: 'GET', url: '/api/v1/programs' }, lead)).json<{ items: ProgramBody[] }>().items;
    expect(portfolio.map((x) => x.code)).not.toContain('KHG-KW600');
    expect((await call({ method: 'GET', url: '/api/v1/programs/KHG-KW600' }, observer)).statusCode).toBe(200);
    const list = (await call({ method: 'GET', url: '/api/v1/archived-programs' }, observer)).json<{ items: ProgramBody[] }>().items;
    expect(list.map((x) => x.code)).toEqual(['KHG-KW600']);
    expectProblem(
      await call({ method: 'POST', url: '/api/v1/programs/KHG-KW600/archive', payload: { version: p.version + 1 } }, lead),
      409,
      'PROGRAM_STATE',
    );
    const restored = await call({ method: 'POST', url: '/api/v1/programs/KHG-KW600/restore', payload: { version: p.version + 1 } }, lead);
    expect(restored.json<ProgramBody>().archivedAt).toBeNull();

    const client = (await call({ method: 'GET', url: '/api/v1/clients' }))
      .json<{ items: ClientBody[] }>()
      .items.find((c) => c.id === keller);
    const refused = expectProblem(
      await call({ method: 'POST', url: `/api/v1/clients/${keller}/archive`, payload: { version: client?.version } }),
      409,
      'CLIENT_STATE',
    );
    expect(refused.detail).toMatch(/programs? neither archived nor closed/);
  });
});
