import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { createTestServer, type TestServer } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';
import { call as callAs, expectProblem, paths } from './helpers.js';

interface Person {
  id: string;
  name: string;
}
interface Note {
  code: string;
  message: string;
  params: Record<string, unknown>;
}
interface PreviewBody {
  owners: { id: string; name: string; milestones: number; mapsTo: Person | null; isChosen: boolean }[];
  possibleOwners: Person[];
  notes: Note[];
  milestones: { key: string; sourceKey: string; owner: Person | null; sourceOwner: Person | null; notes: Note[] }[];
}

// The demo's "today": Wednesday 11 March 2026, midday in Ningbo.
const now = new Date(demoInstant);

// A copied plan's owners: listed by the preview with who they go to, mapped as asked when the program is made.
describe.each(dialects)("mapping a copied plan's owners on %s", (dialect) => {
  let t: TestServer;
  let lead: Actor;
  let keller: string;
  let factoryId: string;
  const preview = (payload: object, who: Actor = lead) =>
    callAs(
      t,
      {
        method: 'POST',
        url: '/api/v1/programs/KHG-KW500/copy-preview',
        payload: { startDate: '2026-09-14', factoryId, clientId: keller, ...payload },
      },
      who,
    );
  const create = (code: string, owners: object | undefined) =>
    callAs(
      t,
      {
        method: 'POST',
        url: '/api/v1/programs',
        payload: {
          code,
          name: `Copy ${code}`,
          clientId: keller,
          factoryId,
          copyFrom: { programId: 'KHG-KW500', startDate: '2026-09-14', ...(owners ? { owners } : {}) },
        },
      },
      lead,
    );

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    t.setNow(now);
    lead = await t.person('lead@demo.test');
    const kw = await t.deps.store.reads.findProgram('KHG-KW500');
    keller = kw?.clientId as string;
    factoryId = kw?.factoryId as string;
    // Someone with a role on KHG-KW500 alone owns two of its milestones: a copy for Keller leaves them by default.
    const ivy = await t.addPerson({
      email: 'ivy@example.test',
      name: 'Ivy Olsen',
      roles: [{ programId: 'KHG-KW500', role: 'contributor' }],
    });
    for (const key of ['M-1', 'M-2']) {
      const url = `/api/v1/programs/KHG-KW500/milestones/${key}`;
      const { version } = (await callAs(t, { method: 'GET', url }, lead)).json<{ version: number }>();
      const handed = await callAs(t, { method: 'PATCH', url, payload: { version, ownerId: ivy.id } }, lead);
      expect(handed.statusCode, handed.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the source plan's owners with their milestones and who they go to by default; a choice changes only them", async () => {
    const res = await preview({});
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PreviewBody>();
    const source = await t.deps.store.reads.listMilestones((await t.deps.store.reads.findProgram('KHG-KW500'))?.id as never);
    const counts = new Map<string, number>();
    for (const m of source) if (m.ownerId) counts.set(m.ownerId, (counts.get(m.ownerId) ?? 0) + 1);
    expect(new Map(p.owners.map((o) => [o.id, o.milestones]))).toEqual(counts);
    expect(p.possibleOwners.map((x) => x.name)).toEqual([...p.possibleOwners.map((x) => x.name)].sort((a, b) => a.localeCompare(b)));
    expect(p.possibleOwners.map((x) => x.id)).toContain(lead.id);

    // By default an owner with a role on the new program (Keller's people) keeps theirs; the others are left, and the notes say so.
    const kept = p.owners.find((o) => o.mapsTo?.id === o.id);
    const left = p.owners.find((o) => o.mapsTo === null);
    expect(kept && left, JSON.stringify(p.owners)).toBeTruthy();
    if (!kept || !left) return;
    expect(p.possibleOwners.map((x) => x.id)).toContain(kept.id);
    expect(p.possibleOwners.map((x) => x.id)).not.toContain(left.id);
    expect(p.owners.every((o) => !o.isChosen)).toBe(true);
    const leftRows = p.milestones.filter((m) => m.sourceOwner?.id === left.id);
    expect(leftRows).toHaveLength(left.milestones);
    for (const m of leftRows) {
      expect(m.owner).toBeNull();
      expect(m.notes.filter((n) => n.code === 'OWNER_LEFT')).toEqual([
        {
          code: 'OWNER_LEFT',
          message: `${left.name} owns it in the source but will hold no role on the new program: left for assignment.`,
          params: { ownerId: left.id, owner: left.name, isChosen: false },
        },
      ]);
    }

    // Mapped as asked: the one left goes to the cadence owner, the one kept is left for assignment.
    const mapped = (await preview({ ownerMapping: { [left.id]: lead.id, [kept.id]: null } })).json<PreviewBody>();
    expect(mapped.owners.find((o) => o.id === left.id)).toMatchObject({ mapsTo: { id: lead.id }, isChosen: true });
    expect(mapped.owners.find((o) => o.id === kept.id)).toMatchObject({ mapsTo: null, isChosen: true });
    for (const m of mapped.milestones.filter((x) => x.sourceOwner?.id === left.id)) expect(m.owner?.id).toBe(lead.id);
    const keptRow = mapped.milestones.find((x) => x.sourceOwner?.id === kept.id);
    expect(keptRow?.owner).toBeNull();
    expect(keptRow?.notes.find((n) => n.code === 'OWNER_LEFT')?.params).toEqual({ ownerId: kept.id, owner: kept.name, isChosen: true });
  });

  it('creates the copy with the owners as mapped; a person who may not own there, or no owner of the source, is refused by name', async () => {
    const p = (await preview({})).json<PreviewBody>();
    const left = p.owners.find((o) => o.mapsTo === null) as PreviewBody['owners'][number];
    const kept = p.owners.find((o) => o.mapsTo?.id === o.id) as PreviewBody['owners'][number];
    const stranger = await t.person('other@demo.test');

    const refused = expectProblem(await create('KHG-OWN1', { [left.id]: stranger.id }), 422, 'USER_NOT_FOUND');
    expect(paths(refused)).toEqual([`copyFrom.owners.${left.id}`]);
    expect(await t.deps.store.reads.findProgram('KHG-OWN1')).toBeNull();
    const notOwner = expectProblem(await create('KHG-OWN1', { [stranger.id]: lead.id }), 422, 'VALIDATION_FAILED');
    expect(paths(notOwner)).toEqual([`copyFrom.owners.${stranger.id}`]);
    expect(paths(expectProblem(await preview({ ownerMapping: { [left.id]: stranger.id } }), 422, 'USER_NOT_FOUND'))).toEqual([
      `ownerMapping.${left.id}`,
    ]);
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`u-${i}`, null]));
    expect(paths(expectProblem(await create('KHG-OWN1', tooMany), 422, 'VALIDATION_FAILED'))).toEqual(['copyFrom.owners']);

    const made = await create('KHG-OWN1', { [left.id]: lead.id, [kept.id]: null });
    expect(made.statusCode, made.body).toBe(201);
    const copy = await t.deps.store.reads.listMilestones((await t.deps.store.reads.findProgram('KHG-OWN1'))?.id as never);
    const ownerByKey = new Map(copy.map((m) => [m.key, m.ownerId]));
    for (const m of p.milestones) {
      const want = m.sourceOwner?.id === left.id ? lead.id : m.sourceOwner?.id === kept.id ? null : (m.owner?.id ?? null);
      expect(ownerByKey.get(m.key), `${m.key} of ${m.sourceOwner?.name}`).toBe(want);
    }
  });

  it("names another client's people only to who may make its programs", async () => {
    const fourth = (await t.deps.store.reads.findProgram('HM-WINCH3'))?.clientId;
    expectProblem(await preview({ clientId: fourth }), 403, 'FORBIDDEN');
  });
});
