import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { GateDocument } from '../../src/contract/gate.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type PdfPage, readPdf } from '../support/pdf-pages.js';
import { call, expectProblem } from './helpers.js';

// Monday 16 March 2026, 10:00 in Ningbo.
const now = new Date('2026-03-16T02:00:00Z');

describe.each(dialects)('the gate checklist pack as a PDF on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let cadence: Actor;
  let jonas: Actor;
  let li: Actor;
  let chen: Actor;
  let alex: Actor;
  let outsider: Actor;
  const url = (gate = 'G1', query = '') => `/api/v1/programs/${program.code}/gates/${gate}/pack.pdf${query}`;

  /** One step on a G1 item through the API, at the item's current version. */
  const step = async (itemKey: string, action: string, body: Record<string, unknown>, who: Actor) => {
    const gate = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/G1` }, who);
    const item = gate.json<GateDocument>().items.find((i) => i.key === itemKey);
    const res = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/gates/G1/items/${itemKey}/${action}`,
        payload: { version: item?.version, ...body },
      },
      who,
    );
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    cadence = t.actor;
    jonas = await t.addPerson({ email: 'jonas.keller@example.test', name: 'Jonas Keller', timeZone: 'Europe/Berlin' });
    li = await t.addPerson({ email: 'li.wei@example.test', name: '李伟', timeZone: 'Asia/Shanghai' });
    chen = await t.addPerson({ email: 'chen.wei@example.test', name: 'Chen Wei', timeZone: 'Asia/Shanghai' });
    alex = await t.addPerson({ email: 'alex.moreno@example.test', name: 'Alex Moreno', timeZone: 'America/New_York' });
    outsider = await t.addPerson({ email: 'ingrid@example.test', name: 'Ingrid Halvorsen' });
    const client = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
    program = unwrap(
      await createProgram(t.deps, {
        actor: t.admin,
        code: 'KHG-KW500',
        name: 'Kettle KW500',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'cn',
        timeZone: 'Asia/Shanghai',
        ownerId: cadence.id,
        owners: {
          cadence_owner: [cadence.id],
          decision_owner: [jonas.id],
          quality_owner: [li.id],
          contributor: [chen.id],
          observer: [alex.id],
        },
        planStart: '2026-03-16' as PlainDate,
      }),
    );
    // BOM and drawings: submitted by Dana (cadence owner), accepted by 李伟 (quality owner) at 03:30 UTC, 11:30 in Ningbo.
    await step('G1-BOM-DRAWINGS', 'submit', { note: 'BOM rev C and drawings 4711-C released' }, cadence);
    t.setNow(new Date('2026-03-16T03:30:00Z'));
    await step('G1-BOM-DRAWINGS', 'accept', { comment: 'Checked against the BOM.' }, li);
    // Tooling T1: submitted by 李伟, rejected by Dana (the gate owner).
    await step('G1-TOOLING-T1', 'submit', { note: 'T1 report, 32 parts measured' }, li);
    await step('G1-TOOLING-T1', 'reject', { comment: 'Cavity 2 is not measured.' }, cadence);
    // Golden sample: submitted by Jonas, awaiting review.
    await step('G1-GOLDEN-SAMPLE', 'submit', { note: 'Sample sealed on 12 March' }, jonas);
    // Capacity: waived by a decided decision.
    const asked = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/decisions`,
        payload: { statement: 'Waive the capacity check for G1?', ownerId: jonas.id, dueDate: '2026-03-20' },
      },
      cadence,
    );
    const d = asked.json<{ key: string; version: number }>();
    const decided = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/decisions/${d.key}/decide`,
        payload: { version: d.version, outcome: 'Waived', rationale: 'Confirmed on the sister line.', expectedImpact: 'None.' },
      },
      jonas,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    await step('G1-CAPACITY', 'waive', { decisionId: d.key }, cadence);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('downloaded by an observer', () => {
    let pages: PdfPage[];
    let text: string;
    let headers: Record<string, unknown>;
    beforeAll(async () => {
      const res = await call(t, { method: 'GET', url: url('g1') }, alex);
      expect(res.statusCode, res.body).toBe(200);
      headers = res.headers;
      pages = await readPdf(res.rawPayload);
      text = pages.map((p) => p.text).join('\n');
    });

    it('is a PDF attachment named after the program and gate', () => {
      expect(headers['content-type']).toBe('application/pdf');
      expect(headers['content-disposition']).toBe('attachment; filename="KHG-KW500-G1-pack.pdf"');
      expect(headers['cache-control']).toBe('private, no-store');
    });

    it("names the gate, its program, its items, and who accepted what when, in the reader's zone", () => {
      expect(pages[0]?.lines).toContain('G1 – Pre-production readiness');
      expect(text).toContain('KHG-KW500 – Kettle KW500');
      expect(text).toContain('Golden sample approved');
      expect(text).toContain('BOM and drawings frozen');
      expect(text).toContain('accepted by 李伟');
      expect(text).toContain('rejected by Dana');
      expect(text).toContain('Cavity 2 is not measured.');
      // 03:30 UTC is 23:30 the day before in New York (Alex's zone), not Ningbo's 11:30.
      expect(text).toContain('2026-03-15 23:30');
      expect(text).toContain('America/New_York');
      expect(text).toContain('note: BOM rev C and drawings');
    });

    it("prints each item's evidence state, the waiver's decision and the counts", () => {
      // Keys wrap at their hyphens; each row's first line has the title, the owner, the due date and the state.
      const row = (title: string) => pages.flatMap((p) => p.lines).find((l) => l.includes(` ${title} `)) ?? '';
      expect(row('BOM and drawings frozen')).toMatch(/ yes Dana Whitfield \S+ accepted /);
      expect(row('Tooling T1 approved')).toMatch(/ yes 李伟 \S+ rejected /);
      expect(row('Golden sample approved')).toMatch(/ yes Jonas Keller \S+ submitted /);
      expect(row('Capacity confirmed')).toMatch(/ yes Chen Wei \S+ waived — — D-1$/);
      expect(row('Packaging specification')).toMatch(/ yes Dana Whitfield \S+ open /);
      expect(text).toContain('9 items, 8 required: 1 accepted, 1 waived, 1 submitted, 1 rejected, 5 open.');
    });

    it('draws the Chinese name with the embedded font, not blanks', () => {
      const drawn = pages.flatMap((p) => p.glyphs);
      for (const ch of '李伟') {
        const glyphs = drawn.filter((g) => g.unicode === ch);
        expect(glyphs.length, ch).toBeGreaterThan(0);
        expect(glyphs.every((g) => g.isInFont)).toBe(true);
      }
    });
  });

  it('writes the instants in a zone the reader names', async () => {
    const res = await call(t, { method: 'GET', url: url('G1', '?timeZone=Asia/Shanghai') }, alex);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await readPdf(res.rawPayload)).map((p) => p.text).join('\n');
    expect(text).toContain('2026-03-16 11:30');
    expect(text).toContain('Asia/Shanghai');
  });

  it('is refused to people outside the program, without a session, for a gate that does not exist and in an unknown zone', async () => {
    expectProblem(await call(t, { method: 'GET', url: url() }, outsider), 404, 'PROGRAM_NOT_FOUND');
    expectProblem(await call(t, { method: 'GET', url: url() }, 'anonymous'), 401, 'UNAUTHENTICATED');
    expectProblem(await call(t, { method: 'GET', url: url('G9') }, alex), 404, 'GATE_NOT_FOUND');
    const zone = expectProblem(await call(t, { method: 'GET', url: url('G1', '?timeZone=Mars/Olympus') }, alex), 422, 'VALIDATION_FAILED');
    expect(zone.errors?.map((e) => e.path)).toEqual(['timeZone']);
  });
});
