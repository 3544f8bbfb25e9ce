import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { GateDocument } from '../../src/contract/gate.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { kettleGateProgram } from '../support/gate-program.js';
import { readPdf } from '../support/pdf-pages.js';
import { type Caller, call, changes, expectProblem, paths } from './helpers.js';

// Monday 16 March 2026, 10:00 in Ningbo.
const now = new Date('2026-03-16T02:00:00Z');
/** A low limit for this suite, so "too large" needs only a few kilobytes. */
const maxBytes = 4096;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);

interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  readonly fileName?: string;
  readonly type?: string;
}

/** A multipart/form-data body as a browser sends it. */
function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----tollgate-test-7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName === undefined ? '' : `; filename="${p.fileName}"`}`;
    const type = p.fileName === undefined ? '' : `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dialects)('evidence on checklist items through the API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let cadence: Actor;
  let jonas: Actor;
  let sophie: Actor;
  let li: Actor;
  let alex: Actor;
  let stranger: Actor;
  const items = () => `/api/v1/programs/${program.code}/gates/G1/items`;
  const gate = async (key = 'G1') => {
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/${key}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<GateDocument>();
  };
  const itemOf = async (key: string) => {
    const found = (await gate()).items.find((i) => i.key === key);
    if (!found) throw new Error(`no item ${key}`);
    return found;
  };
  const upload = (itemKey: string, parts: readonly Part[], who?: Caller) => {
    const body = multipart(parts);
    return call(t, { method: 'POST', url: `${items()}/${itemKey}/evidence/files`, ...body }, who);
  };
  const file = (fileName: string, value: Buffer, type = 'application/pdf'): Part => ({ name: 'file', fileName, value, type });
  const download = (path: string, who?: Caller) => call(t, { method: 'GET', url: path }, who);

  /** Overwrites a stored file's bytes beside the store, as a damaged disk or a bad restore would. */
  async function corrupt(fileSha: string): Promise<void> {
    if (dialect === 'sqlite') {
      const raw = new Database(join(t.db.dataDir, 'tollgate.db'));
      try {
        raw.prepare('UPDATE evidence_files SET content = ? WHERE sha256 = ?').run(Buffer.from('%PDF-1.4 tampered'), fileSha);
      } finally {
        raw.close();
      }
      return;
    }
    const c = new pg.Client({ connectionString: t.db.databaseUrl });
    await c.connect();
    try {
      await c.query('UPDATE evidence_files SET content = $1 WHERE sha256 = $2', [Buffer.from('%PDF-1.4 tampered'), fileSha]);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { evidenceMaxBytes: maxBytes });
    t.setNow(now);
    ({ cadence, jonas, sophie, li, alex, program } = await kettleGateProgram(t));
    stranger = await t.addPerson({ email: 'other@example.test', name: 'Pat Other' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("uploads a file as the item's owner, lists it on the gate and serves the same bytes with safe headers", async () => {
    const item = await itemOf('G1-CAPACITY');
    expect(item.ownerId).toBe(li.id);
    const res = await upload(
      'G1-CAPACITY',
      [file('../../etc/Capacity study\u0007 2026.pdf', pdf, 'text/html'), { name: 'title', value: 'Capacity study' }],
      li,
    );
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      kind: 'file',
      title: 'Capacity study',
      fileName: 'Capacity study 2026.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.byteLength,
      sha256: sha256(pdf),
      addedById: li.id,
      removedAt: null,
      url: null,
      note: null,
      downloadPath: `/api/v1/programs/${program.code}/evidence/${e.id}/file`,
    });
    expect(e).not.toHaveProperty('fileId');

    const listed = (await itemOf('G1-CAPACITY')).evidence;
    expect(listed.map((x) => x.id)).toEqual([e.id]);

    const got = await download(e.downloadPath, alex);
    expect(got.statusCode).toBe(200);
    expect(Buffer.compare(got.rawPayload, pdf)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Capacity study 2026.pdf"; filename*=UTF-8''Capacity%20study%202026.pdf`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // Opened in a tab, the file runs nothing and reaches nothing of the app.
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    expect(got.headers['cache-control']).toBe('private, no-cache');
    expect(got.headers.etag).toBe(`"sha256-${sha256(pdf)}"`);
    expect(got.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`);
    const again = await call(t, { method: 'GET', url: e.downloadPath, headers: { 'if-none-match': got.headers.etag as string } }, alex);
    expect(again.statusCode).toBe(304);

    const log = await changes(t, program.code, '');
    expect(log.some((c) => c.entityId === e.id && c.field === 'sha256' && c.newValue === sha256(pdf))).toBe(true);
  });

  it('serves text as UTF-8 text under its exact name, and images inline', async () => {
    const text = Buffer.from('Lot;Cpk\n4711;1.67\n');
    const res = await upload('G1-CAPACITY', [file('能力研究 Cpk.csv', text, 'text/csv')], li);
    expect(res.statusCode, res.body).toBe(201);
    const got = await download(res.json().downloadPath);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="____ Cpk.csv"; filename*=UTF-8''${encodeURIComponent('能力研究 Cpk.csv')}`,
    );
    expect(got.body).toBe(text.toString());

    const image = await upload('G1-CAPACITY', [file('line.png', png, 'image/png')], cadence);
    expect(image.statusCode, image.body).toBe(201);
    const shown = await download(image.json().downloadPath);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('refuses a file over the configured limit with 413, naming the limit', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(maxBytes, 0x20)]);
    const p = expectProblem(await upload('G1-CAPACITY', [file('big.pdf', big)], li), 413, 'EVIDENCE_TOO_LARGE');
    expect(p.detail).toContain(String(maxBytes));
    const exact = Buffer.concat([pdf, Buffer.alloc(maxBytes - pdf.byteLength, 0x20)]);
    expect((await upload('G1-CAPACITY', [file('exact.pdf', exact)], li)).statusCode).toBe(201);
  });

  it('refuses a declared body far over the limit before reading it, and takes files over the JSON body limit when the limit allows', async () => {
    const huge = Buffer.concat([pdf, Buffer.alloc(maxBytes + 70_000, 0x20)]);
    const p = expectProblem(await upload('G1-CAPACITY', [file('huge.pdf', huge)], li), 413, 'EVIDENCE_TOO_LARGE');
    expect(p.detail).toContain(`${maxBytes} bytes`);
    // The JSON routes' 1 MB body limit does not apply to uploads: a 3 MB file under a 5 MB limit is kept whole.
    const roomy = await t.build({ evidenceMaxBytes: 5_000_000 });
    const big = Buffer.concat([pdf, Buffer.alloc(3_000_000, 0x41)]);
    const body = multipart([file('scan.pdf', big)]);
    const url = `${items()}/G1-CAPACITY/evidence/files`;
    const res = await roomy.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...(await t.as(li)) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sizeBytes: big.byteLength, sha256: sha256(big) });
    const got = await roomy.inject({ method: 'GET', url: res.json().downloadPath, headers: await t.as(li) });
    expect(Buffer.compare(got.rawPayload, big)).toBe(0);
  });

  it('refuses types off the allow-list and content that is not what its name says, with 415 listing what is allowed', async () => {
    const exe = expectProblem(
      await upload('G1-CAPACITY', [file('setup.exe', Buffer.from('MZ\x90\x00\x03'))], li),
      415,
      'EVIDENCE_TYPE_NOT_ALLOWED',
    );
    expect(exe.detail).toContain('PDF (.pdf)');
    expect(exe.detail).toContain('STEP (.step, .stp)');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const renamed = expectProblem(await upload('G1-CAPACITY', [file('report.pdf', html)], li), 415, 'EVIDENCE_TYPE_NOT_ALLOWED');
    expect(renamed.detail).toContain('not PDF');
    expectProblem(
      await upload('G1-CAPACITY', [file('drawing.svg', Buffer.from('<svg/>'), 'image/svg+xml')], li),
      415,
      'EVIDENCE_TYPE_NOT_ALLOWED',
    );
    expectProblem(await upload('G1-CAPACITY', [file('photo.png', pdf, 'image/png')], li), 415, 'EVIDENCE_TYPE_NOT_ALLOWED');
    expectProblem(await upload('G1-CAPACITY', [file('noextension', pdf)], li), 415, 'EVIDENCE_TYPE_NOT_ALLOWED');
  });

  it('refuses an empty file, a body without a file, two files, and a body that is not multipart', async () => {
    expect(paths(expectProblem(await upload('G1-CAPACITY', [file('empty.pdf', Buffer.alloc(0))], li), 422, 'VALIDATION_FAILED'))).toEqual([
      'file',
    ]);
    expectProblem(await upload('G1-CAPACITY', [{ name: 'title', value: 'Only a title' }], li), 422, 'VALIDATION_FAILED');
    expectProblem(await upload('G1-CAPACITY', [file('a.pdf', pdf), file('b.pdf', pdf)], li), 422, 'VALIDATION_FAILED');
    expectProblem(await upload('G1-CAPACITY', [file('a.pdf', pdf), { name: 'comment', value: 'x' }], li), 422, 'VALIDATION_FAILED');
    const json = await call(t, { method: 'POST', url: `${items()}/G1-CAPACITY/evidence/files`, payload: { file: 'x' } }, li);
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 to someone who cannot see the program, 403 to an observer and to people the gate rules leave out', async () => {
    expectProblem(await upload('G1-CAPACITY', [file('a.pdf', pdf)], stranger), 404, 'PROGRAM_NOT_FOUND');
    const listed = (await itemOf('G1-CAPACITY')).evidence;
    const path = listed.find((x) => x.kind === 'file')?.downloadPath as string;
    expectProblem(await download(path, stranger), 404, 'PROGRAM_NOT_FOUND');
    expectProblem(
      await download(`/api/v1/programs/${program.code}/evidence/0190aaaa-0000-7000-8000-000000000000/file`),
      404,
      'EVIDENCE_NOT_FOUND',
    );
    expectProblem(await upload('G1-CAPACITY', [file('a.pdf', pdf)], alex), 403, 'FORBIDDEN');
    // li owns the capacity item, not the golden sample (jonas's); the gate owner and the quality owner may add to any.
    expectProblem(await upload('G1-GOLDEN-SAMPLE', [file('a.pdf', pdf)], li), 403, 'GATE_ROLE_REQUIRED');
    expect((await upload('G1-GOLDEN-SAMPLE', [file('a.pdf', pdf)], jonas)).statusCode).toBe(201);
    expect((await upload('G1-GOLDEN-SAMPLE', [file('a.pdf', pdf)], sophie)).statusCode).toBe(201);
  });

  it('attaches a measurement as evidence, its verdict shown on the gate; refuses a shipment or an unknown event', async () => {
    const events = `/api/v1/programs/${program.code}/events`;
    const measured = await call(t, {
      method: 'POST',
      url: events,
      payload: {
        kind: 'measurement',
        title: 'Pilot wall thickness',
        characteristic: 'Wall thickness',
        unit: 'mm',
        nominal: 2,
        lowerLimit: 1.9,
        upperLimit: 2.1,
        values: [2.0, 2.02, 1.98, 2.01, 2.15],
      },
    });
    expect(measured.statusCode, measured.body).toBe(201);
    const key = measured.json<{ key: string }>().key;
    const url = `${items()}/G1-BOM-DRAWINGS/evidence`;
    const res = await call(t, { method: 'POST', url, payload: { kind: 'event', eventId: key.toLowerCase() } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'event',
      title: `${key} Pilot wall thickness`,
      event: { key, kind: 'measurement', verdict: 'reject', summary: expect.stringContaining('1 of 5 out of limits') },
    });
    const listed = (await itemOf('G1-BOM-DRAWINGS')).evidence.find((e) => e.kind === 'event');
    expect(listed).toMatchObject({ event: { key, verdict: 'reject' } });
    const pack = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/G1/pack.pdf` });
    expect(pack.statusCode).toBe(200);
    const text = (await readPdf(pack.rawPayload)).map((p) => p.text).join('\n');
    // The pack's table wraps the cell across lines, between other columns' words.
    expect(text).toContain(`event: ${key} measurement of Wall`);
    expect(text).toContain('thickness: 1 of 5 out of limits');

    const shipped = await call(t, {
      method: 'POST',
      url: events,
      payload: { kind: 'shipment', title: 'Samples', expectedOn: '2026-03-20' },
    });
    const shipment = shipped.json<{ key: string }>().key;
    expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'event', eventId: shipment } }), 422, 'EVENT_NOT_EVIDENCE');
    expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'event', eventId: 'E-999' } }), 422, 'EVENT_NOT_EVIDENCE');
    expect(paths(expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'event' } }), 422, 'VALIDATION_FAILED'))).toEqual([
      'eventId',
    ]);
  });

  it('attaches links and notes as JSON, refusing links that are not http(s)', async () => {
    const url = `${items()}/G1-BOM-DRAWINGS/evidence`;
    const link = await call(t, {
      method: 'POST',
      url,
      payload: { kind: 'link', title: 'BOM rev C', url: 'https://plm.example.com/bom/KW500?rev=C' },
    });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json()).toMatchObject({
      kind: 'link',
      title: 'BOM rev C',
      url: 'https://plm.example.com/bom/KW500?rev=C',
      downloadPath: null,
    });
    const untitled = await call(t, { method: 'POST', url, payload: { kind: 'note', note: 'Drawings frozen at rev C.\nSigned by Jonas.' } });
    expect(untitled.json()).toMatchObject({
      kind: 'note',
      title: 'Drawings frozen at rev C.',
      note: 'Drawings frozen at rev C.\nSigned by Jonas.',
    });
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'https://user:pw@example.com/',
      'not a link',
      `https://example.com/${'a'.repeat(2000)}`,
    ]) {
      const p = expectProblem(
        await call(t, { method: 'POST', url, payload: { kind: 'link', title: 'x', url: bad } }),
        422,
        'VALIDATION_FAILED',
      );
      expect(paths(p), bad).toEqual(['url']);
    }
    expect(
      paths(expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'note', title: 'x' } }), 422, 'VALIDATION_FAILED')),
    ).toEqual(['note']);
    expect(
      paths(
        expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'note', note: 'x'.repeat(5001) } }), 422, 'VALIDATION_FAILED'),
      ),
    ).toEqual(['note']);
    expectProblem(await call(t, { method: 'POST', url, payload: { kind: 'file', title: 'x' } }), 422, 'VALIDATION_FAILED');
  });

  it('takes evidence off an item (the file stays for the record), refusing twice and on submitted or accepted items', async () => {
    const res = await upload('G1-TOOLING-T1', [file('t1.pdf', pdf)], sophie);
    const e = res.json();
    const removeUrl = `${items()}/G1-TOOLING-T1/evidence/${e.id}`;
    expectProblem(await call(t, { method: 'DELETE', url: `${removeUrl}?version=${e.version + 1}` }, sophie), 409, 'VERSION_CONFLICT');
    const removed = await call(t, { method: 'DELETE', url: `${removeUrl}?version=${e.version}&reason=Wrong%20lot` }, sophie);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().removedAt).toBe(now.toISOString());
    expect((await itemOf('G1-TOOLING-T1')).evidence.find((x) => x.id === e.id)?.removedAt).toBe(now.toISOString());
    expect((await download(e.downloadPath)).statusCode).toBe(200);
    expectProblem(await call(t, { method: 'DELETE', url: removeUrl }, sophie), 409, 'EVIDENCE_STATE');
    expectProblem(await call(t, { method: 'DELETE', url: `${items()}/G1-TOOLING-T1/evidence/nope` }, sophie), 404, 'EVIDENCE_NOT_FOUND');

    // Submitted evidence is under review: nothing is added or removed until a rejection opens it again.
    const kept = (await upload('G1-TOOLING-T1', [file('t1-ok.pdf', pdf)], sophie)).json();
    const item = await itemOf('G1-TOOLING-T1');
    const submit = await call(t, { method: 'POST', url: `${items()}/G1-TOOLING-T1/submit`, payload: { version: item.version } }, sophie);
    expect(submit.statusCode, submit.body).toBe(200);
    expectProblem(await upload('G1-TOOLING-T1', [file('late.pdf', pdf)], sophie), 409, 'EVIDENCE_STATE');
    expectProblem(await call(t, { method: 'DELETE', url: `${items()}/G1-TOOLING-T1/evidence/${kept.id}` }, sophie), 409, 'EVIDENCE_STATE');
    const accept = await call(
      t,
      { method: 'POST', url: `${items()}/G1-TOOLING-T1/accept`, payload: { version: (await itemOf('G1-TOOLING-T1')).version } },
      cadence,
    );
    expect(accept.statusCode, accept.body).toBe(200);
    const p = expectProblem(await upload('G1-TOOLING-T1', [file('late.pdf', pdf)], sophie), 409, 'EVIDENCE_STATE');
    expect(p.detail).toContain('reopen');

    const log = await changes(t, program.code, '');
    expect(
      log.some((c) => c.entityId === e.id && c.field === 'removedAt' && c.newValue === now.toISOString() && c.reason === 'Wrong lot'),
    ).toBe(true);
  });

  it('never serves a file whose bytes no longer match their hash', async () => {
    const doc = Buffer.from('%PDF-1.7\nFirst article inspection, 32 dimensions\n%%EOF\n');
    const e = (await upload('G1-LONG-LEAD', [file('fai.pdf', doc)], li)).json();
    await corrupt(sha256(doc));
    const lines: string[] = [];
    const logged = await t.build({}, { logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } } });
    const res = await logged.inject({ method: 'GET', url: e.downloadPath, headers: await t.as(cadence) });
    const p = expectProblem(res, 500, 'EVIDENCE_FILE_CORRUPT');
    expect(p.detail).toContain('fai.pdf');
    expect(res.body).not.toContain('tampered');
    // The operator hears of it: one error line naming the file.
    const errors = lines.map((l) => JSON.parse(l) as { level: number; msg: string; evidenceId?: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([expect.objectContaining({ evidenceId: e.id, msg: expect.stringContaining('evidence file corrupt') })]);
  });
});
