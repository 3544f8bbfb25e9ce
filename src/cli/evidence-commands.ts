import { statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AddEvidenceSchema, RemoveEvidenceQuerySchema } from '../contract/evidence.js';
import type { GateDocument } from '../contract/gate.js';
import type { Result } from '../domain/result.js';
import type { EvidenceJson } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { minuteUtc } from './format.js';
import { gateFlags, gateTarget, requireItem, versionOf } from './gate-targets.js';
import { badOption, parseOption } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { requireProgram } from './targets.js';
import { terminal, terminalPath } from './terminal.js';

const flags: Record<string, string> = {
  url: '--link',
  note: '--note',
  file: '--file',
  title: '--title',
  reason: '--reason',
  version: '--version',
};

const answered = <T>(out: Output, r: Result<T>): T => (r.ok ? r.value : fail(out, gateFlags(r.error, flags)));

const sizeText = (n: number | null) =>
  n === null ? null : n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** What a piece of evidence is, in one line: the file's name and size, the link, or the note's first line. */
const whatText = (e: EvidenceJson) =>
  e.kind === 'file'
    ? `${e.fileName} (${sizeText(e.sizeBytes)})`
    : e.kind === 'link'
      ? (e.url ?? '')
      : e.kind === 'event'
        ? (e.event?.summary ?? '')
        : ((e.note ?? '').split('\n')[0] ?? '');

function evidenceTable(g: GateDocument, itemKey: string | null, all: boolean): string {
  const name = (id: string) => g.people.find((p) => p.id === id)?.name ?? id;
  const rows = g.items
    .filter((i) => itemKey === null || i.key === itemKey)
    .flatMap((i) =>
      i.evidence
        .filter((e) => all || e.removedAt === null)
        .map((e) => [
          i.key,
          e.id,
          e.kind,
          e.title,
          whatText(e),
          `${name(e.addedById)}\n${minuteUtc(e.addedAt)}`,
          e.removedAt ? `removed ${minuteUtc(e.removedAt)}` : null,
        ]),
    );
  if (rows.length === 0)
    return `No evidence ${itemKey ? `on ${itemKey}` : `on the items of ${g.key}`}${all ? '' : ' (--all shows removed pieces too)'}.`;
  return table(['Item', 'Id', 'Kind', 'Title', 'What', 'Added', 'Removed'], rows, {
    maxWidths: [undefined, 36, undefined, 30, 48, 24, undefined],
    dropOrder: [6, 5],
  });
}

interface AddOptions {
  file?: string;
  link?: string;
  note?: string;
  event?: string;
  title?: string;
  reason?: string;
  json?: boolean;
}

/** `gate evidence add`: a file, a link or a note onto an item. */
function registerAdd(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('add')
      .description("Attach a file, a link or a note to a checklist item (its owner, the gate's owner or a quality owner)")
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .argument('<item>', 'checklist item key (G1-GOLDEN-SAMPLE) or id')
      .option('--file <path>', 'a file to upload: PDF, PNG, JPEG, WebP, GIF, TXT, CSV, XLSX, DOCX, PPTX, ZIP, STEP, IGES or STL')
      .option('--link <url>', 'a link: an absolute http(s) address')
      .option('--note <text>', 'a note: the text itself')
      .option('--event <key>', 'a floor event: an inspection or measurement of the program (E-12), its verdict shown with it')
      .option('--title <text>', "what it is (default: the file's name, the link, or the note's first line)")
      .option('--reason <text>', 'why, for the change log')
      .option('--json', "print the API's JSON (Evidence)")
      .addHelpText(
        'after',
        '\nFiles are at most TOLLGATE_EVIDENCE_MAX_BYTES (25 MB unless the server says otherwise); their type is checked by\nextension and content. Evidence changes while the item is open or rejected, not while it awaits review.\n\nExamples:\n  tollgate gate evidence add KHG-KW500 G3 G3-NCR --file ./ncr-log.pdf --title "NCR log W10"\n  tollgate gate evidence add KHG-KW500 G3 G3-CALIBRATION --link https://mes.example.com/calibration/line-3\n  tollgate gate evidence add KHG-KW500 G2 G2-DEFECT-RATE --event E-4',
      ),
  ).action(async (programRef: string, gateRef: string, itemRef: string, o: AddOptions, cmd: Command) => {
    const out = outputOf(o);
    const given = [o.file, o.link, o.note, o.event].filter((x) => x !== undefined).length;
    if (given !== 1) badOption(out, '--file', 'Give exactly one of --file, --link, --note or --event.');
    const s = AddEvidenceSchema.shape;
    const title = parseOption(out, '--title', s.title, o.title);
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    let upload: { path: string; fileName: string; sizeBytes: number } | undefined;
    if (o.file !== undefined) {
      const path = terminalPath(o.file);
      try {
        const st = statSync(path);
        if (!st.isFile()) badOption(out, '--file', 'Not a file.', o.file);
        upload = { path, fileName: basename(path), sizeBytes: st.size };
      } catch (e) {
        if (e instanceof Error && 'code' in e) badOption(out, '--file', `Cannot read the file: ${e.message}`, o.file);
        throw e;
      }
    }
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const item = requireItem(out, program, gate, itemRef);
      const params = { programId: program.id, gateKey: gate.key, itemKey: item.key };
      const e = upload
        ? answered(out, await b.addEvidenceFile(program.id, gate.key, item.key, { ...upload, title, reason }))
        : answered(
            out,
            await b.addEvidence({
              params,
              body:
                o.link !== undefined
                  ? { kind: 'link', url: o.link, title, reason }
                  : o.event !== undefined
                    ? { kind: 'event', eventId: o.event.trim(), title, reason }
                    : { kind: 'note', note: o.note ?? '', title, reason },
            }),
          );
      emit(out, e, () => `Attached ${e.kind} "${e.title}" to ${item.key} of ${program.code} (evidence ${e.id}).`);
    });
  });
}

/** `gate evidence list`, `get` and `remove`. */
function registerReadsAndRemove(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('list', { isDefault: true })
      .description("The evidence on a gate's items (or one item): kind, title, file, link or note, who added it when")
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .argument('[item]', 'checklist item key (G1-GOLDEN-SAMPLE) or id; all the gate’s items without it')
      .option('--all', 'also the pieces taken off their items')
      .option('--json', "print the API's JSON (a list of Evidence, each with its item's key)"),
  ).action(async (programRef: string, gateRef: string, itemRef: string | undefined, o: { all?: boolean; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const itemKey = itemRef === undefined ? null : requireItem(out, program, gate, itemRef).key;
      const json = gate.items
        .filter((i) => itemKey === null || i.key === itemKey)
        .flatMap((i) => i.evidence.filter((e) => o.all || e.removedAt === null).map((e) => ({ itemKey: i.key, ...e })));
      emit(out, json, () => evidenceTable(gate, itemKey, o.all === true));
    });
  });

  addActingOptions(
    group
      .command('get')
      .description('Download an evidence file (its bytes as uploaded, checked against their SHA-256)')
      .argument('<program>', 'program code or id')
      .argument('<evidence>', 'evidence id, as `tollgate gate evidence list` shows it')
      .option('--out <file>', 'the file to write (default: its name as uploaded, in this directory); an existing file is replaced'),
  ).action(async (programRef: string, evidenceId: string, o: { out?: string }, cmd: Command) => {
    const out = outputOf({});
    if (o.out !== undefined && o.out.trim() === '') badOption(out, '--out', 'Give a file name.');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const got = answered(out, await b.evidenceFile(program.id, evidenceId.trim()));
      // Only the last part of the name the server gave: a download never writes outside this directory.
      const file = terminalPath(o.out ?? basename(got.fileName ?? `evidence-${evidenceId.trim()}`));
      try {
        writeFileSync(file, got.bytes);
      } catch (e) {
        badOption(out, '--out', `Cannot write the file: ${e instanceof Error ? e.message : String(e)}`, o.out ?? file);
      }
      terminal().stdout.write(`Wrote ${sizeText(got.bytes.byteLength)} (${got.contentType}) to ${file}\n`);
    });
  });

  addActingOptions(
    group
      .command('remove')
      .description('Take a piece of evidence off its item (a file stays kept for the record)')
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .argument('<item>', 'checklist item key (G1-GOLDEN-SAMPLE) or id')
      .argument('<evidence>', 'evidence id, as `tollgate gate evidence list` shows it')
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', 'fail with VERSION_CONFLICT unless the evidence is still at this version (for scripts)')
      .option('--json', "print the API's JSON (Evidence)"),
  ).action(
    async (
      programRef: string,
      gateRef: string,
      itemRef: string,
      evidenceId: string,
      o: { reason?: string; version?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      const reason = parseOption(out, '--reason', RemoveEvidenceQuerySchema.shape.reason, o.reason);
      const version = versionOf(out, o.version);
      await withBackend(ctx, cmd, out, async (b) => {
        const { program, gate } = await gateTarget(b, out, programRef, gateRef);
        const item = requireItem(out, program, gate, itemRef);
        const e = answered(
          out,
          await b.removeEvidence({
            params: { programId: program.id, gateKey: gate.key, itemKey: item.key, evidenceId: evidenceId.trim() },
            query: { version, reason },
          }),
        );
        emit(out, e, () => `Took ${e.kind} "${e.title}" off ${item.key} of ${program.code}.`);
      });
    },
  );
}

/** `tollgate gate evidence …`: files, links and notes on checklist items. */
export function registerEvidenceCommands(gate: Command, ctx: CliContext): void {
  const group = gate
    .command('evidence')
    .description('Evidence on checklist items: attach files, links and notes, list them, download a file, take one off');
  registerAdd(group, ctx);
  registerReadsAndRemove(group, ctx);
}
