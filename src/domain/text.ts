/**
 * What text people type may hold. Stored text is shown in the web app, printed by the CLI, written into
 * SVG charts and reports and kept in two databases; characters that no one types on purpose break some
 * of those places, so requests that carry them are refused (contract/common.ts: ShortText, LongText).
 *
 * - Control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F): a NUL cannot be stored in a
 *   PostgreSQL text column and is not allowed in XML; the others are invisible or move the cursor of a
 *   terminal. Long text (descriptions, reasons, notes) keeps newline and tab.
 * - Unpaired surrogates (U+D800–U+DFFF not part of a pair): not a character at all, so the text cannot
 *   be written as UTF-8.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) in one-line text (names,
 *   titles, labels): they make a name display differently from what it is.
 */

const TAB = 0x09;
const NEWLINE = 0x0a;

/** True when the text holds a control character (C0, DEL or C1); with `keepLineBreaks`, newline and tab are allowed. */
export function hasControlCharacter(text: string, keepLineBreaks = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (keepLineBreaks && (c === NEWLINE || c === TAB)) continue;
      return true;
    }
    if (c >= 0x7f && c <= 0x9f) return true;
  }
  return false;
}

/** True when the text holds a UTF-16 surrogate that is not part of a pair (it cannot be written as UTF-8). */
export function hasUnpairedSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return true; // a low surrogate with no high one before it
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true; // a high surrogate with no low one after it (NaN at the end)
    i++;
  }
  return false;
}

/** True when the text holds a bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069). */
export function hasBidiControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** True when the text may stand as one line a person typed (a name, title, label): none of the characters above. */
export const isPlainLine = (text: string): boolean => !hasControlCharacter(text) && !hasUnpairedSurrogate(text) && !hasBidiControl(text);
