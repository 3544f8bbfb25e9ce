import { z } from 'zod';
import { evidenceLinkMaxLength } from '../domain/gates/evidence.js';
import { evidenceFileLimits } from '../domain/gates/evidence-file.js';
import { gateTextLimits } from '../domain/gates/gate-text.js';
import { Identifier, LongText, ReasonSchema, ShortText } from './common.js';
import { ItemParamsSchema } from './gate.js';

// Evidence on a checklist item (domain/gates/evidence.ts): links and notes as JSON, files as
// multipart/form-data (http/routes/evidence-files.ts), each answered as the gate view lists it.

/** A link or a note attached to an item; a file goes to …/evidence/files as multipart/form-data. */
export const AddEvidenceSchema = z
  .object({
    kind: z
      .enum(['link', 'note', 'event'])
      .meta({ description: 'A file is uploaded to …/evidence/files instead; event: an inspection or measurement of the program' }),
    title: ShortText(gateTextLimits.line).optional().meta({ description: "What it is; default: the link, or the note's first line" }),
    url: z.string().trim().max(evidenceLinkMaxLength).optional().meta({
      description: 'A link: an absolute http(s) URL (no javascript:, data:, file: …)',
      example: 'https://docs.example.com/fai/4711',
    }),
    note: LongText(gateTextLimits.long).optional().meta({ description: 'A note: the text itself' }),
    eventId: Identifier(64)
      .optional()
      .meta({ description: 'An event: the key (E-12) or id of an inspection or measurement of the program' }),
    reason: ReasonSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'link' && !b.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'A link needs its url.' });
    if (b.kind === 'note' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'A note needs its text.' });
    if (b.kind === 'event' && !b.eventId)
      ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'Name the inspection or measurement (E-12).' });
    if (b.kind !== 'event' && b.eventId)
      ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'Only an event piece names an event.' });
    if (b.kind === 'event' && (b.url || b.note))
      ctx.addIssue({ code: 'custom', path: [b.url ? 'url' : 'note'], message: 'An event piece has no url or note.' });
    if (b.kind === 'link' && b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'A link has no note; send kind "note" for one.' });
    if (b.kind === 'note' && b.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'A note has no url; send kind "link" for one.' });
  });

export const EvidenceParamsSchema = ItemParamsSchema.extend({
  evidenceId: Identifier(64).meta({ description: 'The evidence id' }),
});

export const RemoveEvidenceQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'The version of the evidence you read; refused with 409 when no longer current' }),
  reason: ReasonSchema.optional().meta({ description: 'Why it is taken off, for the change log' }),
});

export const EvidenceFileParamsSchema = z.object({
  programId: Identifier(64).meta({ description: 'Program id or program code' }),
  evidenceId: Identifier(64).meta({ description: 'The evidence id (a file)' }),
});

/** The one optional text field of an upload beside its `file` part. */
export const EvidenceUploadTitleSchema = ShortText(gateTextLimits.line);

export const evidenceUploadDescription = `multipart/form-data with one part \`file\` (and an optional text field \`title\`). At most TOLLGATE_EVIDENCE_MAX_BYTES (default ${evidenceFileLimits.defaultMaxBytes} bytes) — beyond it 413 EVIDENCE_TOO_LARGE; an empty file is 422. Kept types, by extension and by their first bytes (the sent Content-Type is not trusted): PDF, PNG, JPEG, WebP, GIF, plain text, CSV, XLSX, DOCX, PPTX, ZIP, STEP, IGES, STL — anything else 415 EVIDENCE_TYPE_NOT_ALLOWED. The bytes are kept under their SHA-256.`;
