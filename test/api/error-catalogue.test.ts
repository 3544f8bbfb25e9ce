import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorCodes } from '../../src/domain/errors.js';
import { errorStatus } from '../../src/http/error-status.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const rows = [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(.+?)\s*\|$/gm)].map((m) => ({
  code: m[1] as string,
  status: Number(m[2]),
  meaning: m[3] as string,
}));

describe('error catalogue', () => {
  it('docs/errors.md lists exactly the codes of the catalogue', () => {
    expect(rows.map((r) => r.code).sort()).toEqual([...errorCodes].sort());
  });

  it('documents the status the HTTP layer sends for each code', () => {
    for (const r of rows) expect([r.code, r.status]).toEqual([r.code, errorStatus[r.code as keyof typeof errorStatus]]);
  });

  it('documents the meaning given in the catalogue', () => {
    for (const r of rows) expect(r.meaning).toBe(errorCatalogue[r.code as keyof typeof errorCatalogue]);
  });

  it('maps only client errors and the four server conditions to their statuses', () => {
    for (const code of errorCodes) {
      const s = errorStatus[code];
      // A stored file that no longer matches its hash is the server's fault, never served (EVIDENCE_FILE_CORRUPT).
      if (code === 'INTERNAL' || code === 'EVIDENCE_FILE_CORRUPT') expect(s).toBe(500);
      // STREAMS_FULL is BUSY for live-update streams: the instance holds as many as it takes.
      else if (code === 'NOT_READY' || code === 'BUSY' || code === 'STREAMS_FULL') expect(s).toBe(503);
      else expect(s >= 400 && s < 500, `${code} → ${s}`).toBe(true);
    }
  });
});
