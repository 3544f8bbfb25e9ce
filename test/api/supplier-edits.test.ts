import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';
import { type Caller, call as callAs, expectProblem, paths } from './helpers.js';

interface FactoryBody {
  id: string;
  supplierId: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  archivedAt: string | null;
  version: number;
}
interface SupplierBody {
  id: string;
  name: string;
  country: string;
  archivedAt: string | null;
  version: number;
  factories: FactoryBody[];
}
interface ProgramBody {
  code: string;
  version: number;
  status: string;
  timeZone: string;
  supplier: { name: string; city: string; country: string; factoryId: string | null };
}

// The demo's "today": Wednesday 11 March 2026, midday in Ningbo.
const now = new Date(demoInstant);

describe.each(dialects)('editing and archiving suppliers and factories on %s', (dialect) => {
  let t: TestServer;
  let admin: Caller;
  let lead: Caller;
  let keller: string;
  const call = (opts: Parameters<typeof callAs>[1], who: Caller = admin) => callAs(t, opts, who);
  const suppliers = async (archived = false) =>
    (await call({ method: 'GET', url: `/api/v1/suppliers${archived ? '?archived=true' : ''}` }, lead)).json<{ items: SupplierBody[] }>()
      .items;
  const program = async (code: string) => (await call({ method: 'GET', url: `/api/v1/programs/${code}` })).json<ProgramBody>();
  /** The change rows of one record, oldest first. */
  const logOf = (id: string) =>
    t.db.rows(`select field, old_value, new_value, actor_id, reason from changes where entity_id = '${id}' order by at, field, id`);

  /** A supplier with one factory in Ningbo, and a draft program of Keller's made there: their ids and the draft's code. */
  async function supplierWithDraft(name: string, draftCode: string, draftZone?: string) {
    const s = (await call({ method: 'POST', url: '/api/v1/suppliers', payload: { name, country: 'CN' } })).json<SupplierBody>();
    const f = (
      await call({
        method: 'POST',
        url: `/api/v1/suppliers/${s.id}/factories`,
        payload: { city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai' },
      })
    ).json<FactoryBody>();
    const made = await call({
      method: 'POST',
      url: '/api/v1/programs',
      payload: { code: draftCode, name: `${name} draft`, clientId: keller, factoryId: f.id, ...(draftZone ? { timeZone: draftZone } : {}) },
    });
    expect(made.statusCode, made.body).toBe(201);
    return { supplier: s, factory: f };
  }

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    t.setNow(now);
    admin = await t.person('admin@demo.test');
    lead = await t.person('lead@demo.test');
    keller = (await t.deps.store.reads.findProgram('KHG-KW500'))?.clientId as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an admin renames a supplier: drafts made there take the name, live programs keep theirs; every change is logged', async () => {
    const { supplier } = await supplierWithDraft('Cixi Kettle Works', 'CKW-DRAFT');
    const kw = await program('KHG-KW500');
    const live = (await suppliers()).find((s) => s.name === kw.supplier.name) as SupplierBody;

    const renamed = await call({
      method: 'PATCH',
      url: `/api/v1/suppliers/${supplier.id}`,
      payload: { version: 1, name: 'Cixi Kettle Works Co.', reason: 'Registered name' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<SupplierBody>()).toMatchObject({ name: 'Cixi Kettle Works Co.', version: 2, factories: [{ city: 'Ningbo' }] });
    expect((await program('CKW-DRAFT')).supplier.name).toBe('Cixi Kettle Works Co.');
    expect(await logOf(supplier.id)).toContainEqual({
      field: 'name',
      old_value: 'Cixi Kettle Works',
      new_value: 'Cixi Kettle Works Co.',
      actor_id: (admin as { id: string }).id,
      reason: 'Registered name',
    });
    const draftId = (await t.deps.store.reads.findProgram('CKW-DRAFT'))?.id as string;
    expect((await logOf(draftId)).filter((r) => r.field === 'supplierName').map((r) => [r.old_value, r.new_value])).toEqual([
      [null, 'Cixi Kettle Works'],
      ['Cixi Kettle Works', 'Cixi Kettle Works Co.'],
    ]);

    const liveRenamed = await call({
      method: 'PATCH',
      url: `/api/v1/suppliers/${live.id}`,
      payload: { version: live.version, name: 'Lisheng' },
    });
    expect(liveRenamed.statusCode, liveRenamed.body).toBe(200);
    expect((await program('KHG-KW500')).supplier.name).toBe(kw.supplier.name);

    // Bad input names the field; a stale version, an unknown supplier and a non-admin are refused.
    for (const [payload, field] of [
      [{ version: 2, name: 'lisheng' }, 'name'],
      [{ version: 2, country: 'XX' }, 'country'],
      [{ version: 2, name: '' }, 'name'],
      [{ version: 2, name: 'x'.repeat(201) }, 'name'],
    ] as const) {
      const p = expectProblem(await call({ method: 'PATCH', url: `/api/v1/suppliers/${supplier.id}`, payload }), 422, 'VALIDATION_FAILED');
      expect(paths(p), JSON.stringify(payload)).toEqual([field]);
    }
    expectProblem(
      await call({ method: 'PATCH', url: `/api/v1/suppliers/${supplier.id}`, payload: { version: 1, name: 'Y' } }),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await call({ method: 'PATCH', url: '/api/v1/suppliers/nope', payload: { version: 1, name: 'Y' } }),
      404,
      'SUPPLIER_NOT_FOUND',
    );
    expectProblem(
      await call({ method: 'PATCH', url: `/api/v1/suppliers/${supplier.id}`, payload: { version: 2, name: 'Y' } }, lead),
      403,
      'FORBIDDEN',
    );
  });

  it("a factory's country and time zone stay while an active program is made there; drafts follow its edits", async () => {
    const kw = await program('KHG-KW500');
    const live = (await suppliers()).flatMap((s) => s.factories).find((f) => f.id === kw.supplier.factoryId) as FactoryBody;
    const refused = expectProblem(
      await call({
        method: 'PATCH',
        url: `/api/v1/factories/${live.id}`,
        payload: { version: live.version, timeZone: 'Asia/Ho_Chi_Minh' },
      }),
      409,
      'FACTORY_IN_USE',
    );
    expect(refused.detail).toContain('KHG-KW500');
    expect(paths(refused)).toEqual(['timeZone']);
    // Its name and city may change; the active program keeps the city it was set up with.
    const named = await call({
      method: 'PATCH',
      url: `/api/v1/factories/${live.id}`,
      payload: { version: live.version, name: 'Plant 2', city: 'Cixi' },
    });
    expect(named.json<FactoryBody>()).toMatchObject({ name: 'Plant 2', city: 'Cixi', timeZone: live.timeZone, version: live.version + 1 });
    expect((await program('KHG-KW500')).supplier.city).toBe(kw.supplier.city);

    // Only drafts are made here: they take the new place; one that chose its own zone keeps it.
    const { factory } = await supplierWithDraft('Hanoi Housewares', 'HH-DRAFT');
    const own = await call({
      method: 'POST',
      url: '/api/v1/programs',
      payload: { code: 'HH-OWNZONE', name: 'Own zone', clientId: keller, factoryId: factory.id, timeZone: 'Europe/Berlin' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const moved = await call({
      method: 'PATCH',
      url: `/api/v1/factories/${factory.id}`,
      payload: { version: 1, city: 'Hanoi', country: 'vn', timeZone: 'Asia/Ho_Chi_Minh', reason: 'Entered in the wrong place' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<FactoryBody>()).toMatchObject({ city: 'Hanoi', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', version: 2 });
    expect(await program('HH-DRAFT')).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', supplier: { city: 'Hanoi', country: 'VN' } });
    expect(await program('HH-OWNZONE')).toMatchObject({ timeZone: 'Europe/Berlin', supplier: { city: 'Hanoi', country: 'VN' } });
    expect((await logOf(factory.id)).map((r) => [r.field, r.old_value, r.new_value, r.reason])).toEqual(
      expect.arrayContaining([
        ['country', 'CN', 'VN', 'Entered in the wrong place'],
        ['timeZone', 'Asia/Shanghai', 'Asia/Ho_Chi_Minh', 'Entered in the wrong place'],
      ]),
    );

    // Once the draft is active, the place is its own: the factory's zone is fixed again.
    const draft = await program('HH-DRAFT');
    await writeCompleteCharter(t.deps, 'HH-DRAFT', await t.person('lead@demo.test'));
    const activated = await call({ method: 'POST', url: '/api/v1/programs/HH-DRAFT/activate', payload: { version: draft.version } }, lead);
    expect(activated.statusCode, activated.body).toBe(201);
    const fixed = expectProblem(
      await call({
        method: 'PATCH',
        url: `/api/v1/factories/${factory.id}`,
        payload: { version: 2, country: 'TH', timeZone: 'Asia/Bangkok' },
      }),
      409,
      'FACTORY_IN_USE',
    );
    expect(fixed.detail).toMatch(/HH-DRAFT/);
    expect(fixed.detail).not.toMatch(/HH-OWNZONE/);
    expect(paths(fixed)).toEqual(['country', 'timeZone']);

    for (const [payload, field] of [
      [{ version: 2, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ version: 2, country: 'Vietnam' }, 'country'],
      [{ version: 2, city: '' }, 'city'],
      [{ version: 2, name: 'x'.repeat(201) }, 'name'],
    ] as const) {
      const p = expectProblem(await call({ method: 'PATCH', url: `/api/v1/factories/${factory.id}`, payload }), 422, 'VALIDATION_FAILED');
      expect(paths(p), JSON.stringify(payload)).toEqual([field]);
    }
    expectProblem(
      await call({ method: 'PATCH', url: '/api/v1/factories/nope', payload: { version: 1, name: 'Y' } }),
      404,
      'FACTORY_NOT_FOUND',
    );
    expectProblem(
      await call({ method: 'PATCH', url: `/api/v1/factories/${factory.id}`, payload: { version: 2, name: 'Y' } }, lead),
      403,
      'FORBIDDEN',
    );
  });

  it('a factory or supplier is archived once no open program is made there: no longer offered, still named by its programs', async () => {
    const { supplier, factory } = await supplierWithDraft('Yuyao Moulds', 'YM-DRAFT');
    const inUse = expectProblem(
      await call({ method: 'POST', url: `/api/v1/factories/${factory.id}/archive`, payload: { version: 1 } }),
      409,
      'FACTORY_IN_USE',
    );
    expect(inUse.detail).toMatch(/YM-DRAFT is made there, neither archived nor closed/);
    expect(
      expectProblem(
        await call({ method: 'POST', url: `/api/v1/suppliers/${supplier.id}/archive`, payload: { version: 1 } }),
        409,
        'SUPPLIER_IN_USE',
      ).detail,
    ).toContain('YM-DRAFT');
    expectProblem(
      await call({ method: 'POST', url: `/api/v1/factories/${factory.id}/archive`, payload: { version: 1 } }, lead),
      403,
      'FORBIDDEN',
    );

    const draft = await program('YM-DRAFT');
    expect((await call({ method: 'POST', url: '/api/v1/programs/YM-DRAFT/archive', payload: { version: draft.version } })).statusCode).toBe(
      200,
    );
    const archived = await call({
      method: 'POST',
      url: `/api/v1/factories/${factory.id}/archive`,
      payload: { version: 1, reason: 'Closed down' },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<FactoryBody>()).toMatchObject({ archivedAt: now.toISOString(), version: 2 });
    expectProblem(
      await call({ method: 'POST', url: `/api/v1/factories/${factory.id}/archive`, payload: { version: 2 } }),
      422,
      'NOTHING_TO_CHANGE',
    );

    // Not offered: absent from the list, refused for a new program or a preview; the program made there still names it.
    expect((await suppliers()).find((s) => s.id === supplier.id)?.factories).toEqual([]);
    expect((await suppliers(true)).find((s) => s.id === supplier.id)?.factories.map((f) => f.archivedAt)).toEqual([now.toISOString()]);
    const refused = expectProblem(
      await call({
        method: 'POST',
        url: '/api/v1/programs',
        payload: { code: 'YM-NEW', name: 'New', clientId: keller, factoryId: factory.id },
      }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(refused)).toEqual(['factoryId']);
    expectProblem(
      await call({
        method: 'POST',
        url: '/api/v1/programs/KHG-KW500/copy-preview',
        payload: { startDate: '2026-09-14', factoryId: factory.id },
      }),
      422,
      'VALIDATION_FAILED',
    );
    expect((await program('YM-DRAFT')).supplier).toMatchObject({ name: 'Yuyao Moulds', city: 'Ningbo', factoryId: factory.id });

    const gone = await call({
      method: 'POST',
      url: `/api/v1/suppliers/${supplier.id}/archive`,
      payload: { version: 1, reason: 'No longer used' },
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json<SupplierBody>().archivedAt).toBe(now.toISOString());
    expect((await suppliers()).map((s) => s.id)).not.toContain(supplier.id);
    expect(await logOf(supplier.id)).toContainEqual(
      expect.objectContaining({ field: 'archivedAt', old_value: null, new_value: now.toISOString(), reason: 'No longer used' }),
    );

    // A demo supplier whose programs run cannot be archived; the refusal names them.
    const kw = await program('KHG-KW500');
    const lisheng = (await suppliers()).find((s) => s.factories.some((f) => f.id === kw.supplier.factoryId)) as SupplierBody;
    const running = expectProblem(
      await call({ method: 'POST', url: `/api/v1/suppliers/${lisheng.id}/archive`, payload: { version: lisheng.version } }),
      409,
      'SUPPLIER_IN_USE',
    );
    expect(running.detail).toContain('KHG-KW500');
    expectProblem(
      await call({ method: 'POST', url: '/api/v1/suppliers/nope/archive', payload: { version: 1 } }),
      404,
      'SUPPLIER_NOT_FOUND',
    );
    expectProblem(await call({ method: 'POST', url: '/api/v1/factories/nope/archive', payload: { version: 1 } }), 404, 'FACTORY_NOT_FOUND');
  });
});
