import { describe, expect, it } from 'vitest';
import { checkEvidence, evidenceTitle } from './evidence.js';

describe('links and notes as evidence (checkEvidence)', () => {
  it('keeps http and https links, titled as given or by the link itself', () => {
    const r = checkEvidence({ kind: 'link', url: ' https://plm.example.com/bom/KW500?rev=C ' });
    expect(r).toEqual({
      ok: true,
      value: { kind: 'link', title: 'https://plm.example.com/bom/KW500?rev=C', url: 'https://plm.example.com/bom/KW500?rev=C', note: null },
    });
    expect(checkEvidence({ kind: 'link', title: 'FAI', url: 'http://intranet.local/fai' }).ok).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'ftp://files.example.com/a.pdf',
    'vbscript:msgbox',
    '//example.com/no-scheme',
    'https://user:secret@example.com/',
    'https://exa mple.com/',
    'https://example.com/\u0000',
    '',
    `https://example.com/${'a'.repeat(2000)}`,
  ])('refuses the link %j, naming the url', (url) => {
    const r = checkEvidence({ kind: 'link', title: 'x', url });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', 'url']);
  });

  it('keeps a note, titled by its first line unless given; refuses a blank or overlong one', () => {
    const r = checkEvidence({ kind: 'note', note: '\nDrawings frozen at rev C.\nSigned.' });
    expect(r.ok && r.value.title).toBe('Drawings frozen at rev C.');
    for (const note of ['  ', 'x'.repeat(5001), 'bad\u0000byte']) {
      const bad = checkEvidence({ kind: 'note', note });
      expect(!bad.ok && bad.error.fields?.[0]?.path).toBe('note');
    }
    const titled = checkEvidence({ kind: 'note', title: 'x'.repeat(201), note: 'ok' });
    expect(!titled.ok && titled.error.fields?.[0]?.path).toBe('title');
  });

  it('cuts a title made from a long first line to one line', () => {
    expect(evidenceTitle(undefined, 'y'.repeat(500)).length).toBe(200);
    expect(evidenceTitle('  Given  ', 'ignored')).toBe('Given');
  });
});
