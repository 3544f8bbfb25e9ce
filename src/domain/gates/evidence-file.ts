import { ok, type Result, refuse } from '../result.js';
import { hasBidiControl, hasUnpairedSurrogate } from '../text.js';

// Evidence files: which types are kept (by extension AND by their first bytes, never by what the sender
// claims), how big, under what name, and the type they are served back as. Pure: the edges read the bytes.

/** Default and largest size of one evidence file in bytes (TOLLGATE_EVIDENCE_MAX_BYTES: 25 MB by default, at most 256 MB). */
export const evidenceFileLimits = { defaultMaxBytes: 26_214_400, largestMaxBytes: 268_435_456, nameLength: 200 } as const;

/** A kind of file Tollgate keeps as evidence. */
export interface EvidenceFileType {
  /** What people call it, in refusals and docs. */
  readonly label: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** The type stored with the file. */
  readonly contentType: string;
  /** Whether the first bytes are this type's (its magic number, or text without binary bytes). */
  readonly sniff: (bytes: Uint8Array) => boolean;
}

const startsWith =
  (...signatures: readonly (readonly number[])[]) =>
  (b: Uint8Array): boolean =>
    signatures.some((s) => s.length <= b.length && s.every((v, i) => v === b[i]));
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Bytes that never appear in text (NUL and the C0 controls but tab, newline, vertical tab, form feed, CR and escape). */
const isBinaryByte = (v: number) => v < 0x09 || (v > 0x0d && v < 0x20 && v !== 0x1b);
/** Text in any ASCII-compatible encoding (UTF-8, GBK, Windows-1252): no binary byte in its first 64 KB. */
const isText = (b: Uint8Array): boolean => !b.subarray(0, 65_536).some(isBinaryByte);
/** The text's first bytes as ASCII, after a UTF-8 byte order mark and leading white space. */
const start = (b: Uint8Array, n: number): string => {
  const from = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return String.fromCharCode(...b.subarray(from, from + n));
};
const head = (b: Uint8Array, n: number): string => start(b, n).trimStart();

const isPng = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isZip = startsWith(ascii('PK\x03\x04'), ascii('PK\x05\x06'));
const isWebp = (b: Uint8Array) => startsWith(ascii('RIFF'))(b) && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP';
/** ISO 10303-21 (STEP): text opening with its header keyword. */
const isStep = (b: Uint8Array) => isText(b) && head(b, 100).startsWith('ISO-10303-21;');
/** IGES: text in 80-column records; the first record is in the start section (S in column 73). */
const isIges = (b: Uint8Array) => {
  if (!isText(b)) return false;
  const first = start(b, 100).split(/\r?\n/)[0] ?? '';
  return first.length >= 73 && first[72] === 'S';
};
/** STL: binary (80-byte header, facet count, 50 bytes a facet) or ASCII opening with `solid`. */
const isStl = (b: Uint8Array) => {
  if (b.length >= 84) {
    const facets = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(80, true);
    if (b.length === 84 + 50 * facets) return true;
  }
  return isText(b) && head(b, 100).slice(0, 5).toLowerCase() === 'solid';
};

const ooxml = 'application/vnd.openxmlformats-officedocument';

/** The allow-list, in the order refusals name it. */
export const evidenceFileTypes: readonly EvidenceFileType[] = [
  { label: 'PDF', extensions: ['pdf'], contentType: 'application/pdf', sniff: startsWith(ascii('%PDF-')) },
  { label: 'PNG', extensions: ['png'], contentType: 'image/png', sniff: isPng },
  { label: 'JPEG', extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', sniff: startsWith([0xff, 0xd8, 0xff]) },
  { label: 'WebP', extensions: ['webp'], contentType: 'image/webp', sniff: isWebp },
  { label: 'GIF', extensions: ['gif'], contentType: 'image/gif', sniff: startsWith(ascii('GIF87a'), ascii('GIF89a')) },
  { label: 'plain text', extensions: ['txt'], contentType: 'text/plain', sniff: isText },
  { label: 'CSV', extensions: ['csv'], contentType: 'text/csv', sniff: isText },
  { label: 'Excel (XLSX)', extensions: ['xlsx'], contentType: `${ooxml}.spreadsheetml.sheet`, sniff: isZip },
  { label: 'Word (DOCX)', extensions: ['docx'], contentType: `${ooxml}.wordprocessingml.document`, sniff: isZip },
  { label: 'PowerPoint (PPTX)', extensions: ['pptx'], contentType: `${ooxml}.presentationml.presentation`, sniff: isZip },
  { label: 'ZIP', extensions: ['zip'], contentType: 'application/zip', sniff: isZip },
  { label: 'STEP', extensions: ['step', 'stp'], contentType: 'model/step', sniff: isStep },
  { label: 'IGES', extensions: ['iges', 'igs'], contentType: 'model/iges', sniff: isIges },
  { label: 'STL', extensions: ['stl'], contentType: 'model/stl', sniff: isStl },
];

/** The allowed types as a refusal names them: "PDF (.pdf), PNG (.png), …". */
export const allowedEvidenceTypes = (): string =>
  evidenceFileTypes.map((t) => `${t.label} (${t.extensions.map((e) => `.${e}`).join(', ')})`).join(', ');

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * A file name as kept: the last path part, without control, bidirectional-override or unpaired
 * surrogate characters, white space collapsed, at most 200 characters (the extension kept).
 */
export function sanitizeFileName(raw: string): string {
  const last = (raw.split(/[/\\]/).pop() ?? '').replace(/[\t\n\v\f\r]/g, ' ');
  let name = [...last]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) && !hasBidiControl(c) && !hasUnpairedSurrogate(c);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > evidenceFileLimits.nameLength) {
    const ext = extensionOf(name);
    const keep = ext && ext.length < 20 ? `.${ext}` : '';
    name = `${name.slice(0, evidenceFileLimits.nameLength - keep.length).trimEnd()}${keep}`;
  }
  return name;
}

/** A file accepted as evidence: its kept name and type. */
export interface CheckedEvidenceFile {
  readonly fileName: string;
  readonly type: EvidenceFileType;
}

/**
 * An evidence file is kept only when it is not empty, not over the size limit, its name (sanitised)
 * has an allowed extension, and its first bytes are that type's.
 */
export function checkEvidenceFile(rawName: string, bytes: Uint8Array, maxBytes: number): Result<CheckedEvidenceFile> {
  if (bytes.byteLength > maxBytes)
    return refuse('EVIDENCE_TOO_LARGE', tooLargeMessage(maxBytes), [{ path: 'file', message: `At most ${maxBytes} bytes.` }]);
  if (bytes.byteLength === 0) return refuse('VALIDATION_FAILED', 'The file is empty.', [{ path: 'file', message: 'The file is empty.' }]);
  const fileName = sanitizeFileName(rawName);
  const ext = extensionOf(fileName);
  const type = evidenceFileTypes.find((t) => t.extensions.includes(ext));
  if (!type)
    return refuse(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `${fileName ? `"${fileName}"` : 'The file'} is not a type kept as evidence${ext ? ` (.${ext})` : ' (no extension)'}. Allowed: ${allowedEvidenceTypes()}.`,
      [{ path: 'file', message: 'Type not allowed.' }],
    );
  if (!type.sniff(bytes))
    return refuse(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `"${fileName}" is named .${ext} but its content is not ${type.label}. Allowed: ${allowedEvidenceTypes()}.`,
      [{ path: 'file', message: `The content is not ${type.label}.` }],
    );
  return ok({ fileName, type });
}

/** The size refusal's words, naming the limit. */
export const tooLargeMessage = (maxBytes: number): string =>
  `The file is larger than the limit for evidence files, ${formatBytes(maxBytes)} (${maxBytes} bytes; TOLLGATE_EVIDENCE_MAX_BYTES).`;

const formatBytes = (n: number): string =>
  n >= 1_048_576 ? `${Math.round((n / 1_048_576) * 10) / 10} MB` : n >= 1024 ? `${Math.round((n / 1024) * 10) / 10} KB` : `${n} bytes`;

/** How a kept file is served back: raster images inline, everything else as an attachment; text as UTF-8 text; models as bytes. */
export function servedAs(contentType: string): { readonly contentType: string; readonly isInline: boolean } {
  if (contentType === 'image/png' || contentType === 'image/jpeg' || contentType === 'image/webp' || contentType === 'image/gif')
    return { contentType, isInline: true };
  if (contentType === 'text/plain' || contentType === 'text/csv') return { contentType: 'text/plain; charset=utf-8', isInline: false };
  const known = evidenceFileTypes.some((t) => t.contentType === contentType);
  if (!known || contentType.startsWith('model/')) return { contentType: 'application/octet-stream', isInline: false };
  return { contentType, isInline: false };
}
