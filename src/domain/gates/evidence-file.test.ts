import { describe, expect, it } from 'vitest';
import type { Result } from '../result.js';
import { checkEvidenceFile, evidenceFileLimits, evidenceFileTypes, sanitizeFileName, servedAs } from './evidence-file.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0) & 0xff) : p)));

function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** One example file per allowed extension, with its first bytes as real files of the type have them. */
const examples: Record<string, Uint8Array> = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16]),
  webp: bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  txt: new TextEncoder().encode('Golden sample signed off\tby 李伟\r\n'),
  csv: bytes('lot,cpk\n4711,1.67\n'),
  xlsx: bytes('PK\x03\x04', [20, 0]),
  docx: bytes('PK\x03\x04', [20, 0]),
  pptx: bytes('PK\x03\x04', [20, 0]),
  zip: bytes('PK\x03\x04', [10, 0]),
  step: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ISO-10303-21;\nHEADER;\n')]),
  stp: bytes('  ISO-10303-21;\r\nHEADER;\r\n'),
  iges: bytes(`${'Tollgate test part'.padEnd(72)}S      1\n`),
  igs: bytes(`${' '.padEnd(72)}S0000001\r\n`),
  stl: bytes('solid kettle_lid\n facet normal 0 0 1\n'),
};

describe('evidence files (checkEvidenceFile)', () => {
  it('has an example for every allowed extension, and keeps each under its type', () => {
    const all = evidenceFileTypes.flatMap((t) => t.extensions);
    expect(Object.keys(examples).sort()).toEqual([...all].sort());
    for (const ext of all) {
      const r = checkEvidenceFile(`Evidence.${ext.toUpperCase()}`, examples[ext] as Uint8Array, 1000);
      expect(r.ok, ext).toBe(true);
      if (r.ok) expect(r.value.type.extensions).toContain(ext);
    }
  });

  it('keeps a binary STL by its facet count (its header may say anything, even "solid")', () => {
    const stl = new Uint8Array(84 + 50 * 2);
    stl.set(new TextEncoder().encode('solid but binary'), 0);
    new DataView(stl.buffer).setUint32(80, 2, true);
    expect(checkEvidenceFile('lid.stl', stl, 1000).ok).toBe(true);
    new DataView(stl.buffer).setUint32(80, 3, true);
    stl[0] = 0;
    expect(refusal(checkEvidenceFile('lid.stl', stl, 1000)).code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
  });

  it('refuses an extension off the list, naming every allowed type', () => {
    for (const name of ['setup.exe', 'page.html', 'logo.svg', 'macro.xlsm', 'README', 'archive.tar.gz']) {
      const r = refusal(checkEvidenceFile(name, examples.txt as Uint8Array, 1000));
      expect(r.code, name).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
      for (const t of evidenceFileTypes) expect(r.message).toContain(t.label);
    }
  });

  it('refuses content that is not what its extension says', () => {
    const cases: [string, Uint8Array][] = [
      ['report.pdf', bytes('<html><script>alert(1)</script>')],
      ['photo.png', examples.pdf as Uint8Array],
      ['photo.jpg', examples.png as Uint8Array],
      ['sheet.xlsx', bytes('MZ\x90\x00')],
      ['notes.txt', bytes('MZ\x90\x00\x03\x00\x00\x00')],
      ['part.step', bytes('solid x\n')],
      ['part.igs', bytes('short line S\n')],
      ['image.webp', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ];
    for (const [name, content] of cases)
      expect(refusal(checkEvidenceFile(name, content, 1000)).code, name).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
  });

  it('refuses an empty file and one over the limit, naming the limit', () => {
    const empty = refusal(checkEvidenceFile('a.pdf', new Uint8Array(0), 1000));
    expect([empty.code, empty.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', 'file']);
    const big = refusal(checkEvidenceFile('a.pdf', new Uint8Array(1001), 1000));
    expect(big.code).toBe('EVIDENCE_TOO_LARGE');
    expect(big.message).toContain('1000 bytes');
    expect(checkEvidenceFile('a.pdf', bytes('%PDF-', new Array(995).fill(32)), 1000).ok).toBe(true);
    expect(evidenceFileLimits.defaultMaxBytes).toBe(26_214_400);
  });
});

describe('evidence file names (sanitizeFileName)', () => {
  it('keeps only the last path part, without control or bidirectional characters', () => {
    expect(sanitizeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(sanitizeFileName('C:\\Users\\li\\Desktop\\检验报告.pdf')).toBe('检验报告.pdf');
    expect(sanitizeFileName('bell\u0007\u0000 and\nnewline.pdf')).toBe('bell and newline.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('...hidden.pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('   ')).toBe('');
  });

  it('cuts a long name to 200 characters, keeping its extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(300)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('how kept files are served (servedAs)', () => {
  it('shows raster images inline, sends text as UTF-8 text, and CAD models and unknown types as bytes', () => {
    expect(servedAs('image/png')).toEqual({ contentType: 'image/png', isInline: true });
    expect(servedAs('application/pdf')).toEqual({ contentType: 'application/pdf', isInline: false });
    expect(servedAs('text/csv')).toEqual({ contentType: 'text/plain; charset=utf-8', isInline: false });
    expect(servedAs('model/step')).toEqual({ contentType: 'application/octet-stream', isInline: false });
    expect(servedAs('text/html')).toEqual({ contentType: 'application/octet-stream', isInline: false });
  });
});
