import { describe, expect, it } from 'vitest';
import { hasBidiControl, hasControlCharacter, hasUnpairedSurrogate, isPlainLine } from './text.js';

describe('text people type', () => {
  it('finds C0, DEL and C1 control characters; long text keeps newline and tab', () => {
    for (const c of ['\u0000', '\u0007', '\r', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
      expect(hasControlCharacter(`a${c}b`, true), JSON.stringify(c)).toBe(true);
    }
    expect(hasControlCharacter('a\nb\tc')).toBe(true);
    expect(hasControlCharacter('a\nb\tc', true)).toBe(false);
    expect(hasControlCharacter('Käse – 測試 ¡ \u00a0 🫖')).toBe(false);
  });

  it('finds surrogates that are not part of a pair, anywhere in the text', () => {
    for (const s of ['\ud800', 'x\ud800', '\ud800x', '\udc00', 'x\udc00y', '\ud83d\ud83d\ude00', '\ude00\ud83d']) {
      expect(hasUnpairedSurrogate(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ['', '😀', 'a😀b🫖', '\u{10ffff}']) expect(hasUnpairedSurrogate(s), s).toBe(false);
  });

  it('finds bidirectional embeddings, overrides and isolates, but not the marks (LRM, RLM, ALM)', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasBidiControl(`a${c}b`), c.codePointAt(0)?.toString(16)).toBe(true);
    }
    expect(hasBidiControl('a\u200eb\u200fc\u061cd מכסה')).toBe(false);
  });

  it('a plain line has none of them', () => {
    expect(isPlainLine('Spring Festival 春节')).toBe(true);
    expect(isPlainLine('Spring\nFestival')).toBe(false);
    expect(isPlainLine('Spring \u202e')).toBe(false);
    expect(isPlainLine('Spring \ud800')).toBe(false);
  });
});
