import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type GateDocument, GatePackQuerySchema, UpdateGateSchema, UpdateItemSchema } from '../contract/gate.js';
import type { Result } from '../domain/result.js';
import { addActingOptions, withBackend } from './connect.js';
import { registerEvidenceCommands } from './evidence-commands.js';
import { registerGateDecide, registerGateItemSteps, registerGateRecommend } from './gate-step-commands.js';
import { gateFlags, gateTarget, programPeople, requireGate, requireItem, versionOf } from './gate-targets.js';
import { gatesText, gateText, itemStepText } from './gate-text.js';
import { badOption, parseIntOption, parseOption } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must, requireProgram } from './targets.js';
import { terminal, terminalPath } from './terminal.js';

const jsonHelp = "print the gate as the API's JSON (Gate)";
const versionHelp = 'fail with VERSION_CONFLICT unless the gate (or item) is still at this version (for scripts)';
const collect = (value: string, previous: string[]) => [...previous, value];
const isNone = (raw: string) => raw.trim().toLowerCase() === 'none';

const flags: Record<string, string> = {
  ownerId: '--owner',
  reviewMilestoneId: '--review-milestone',
  warningDays: '--warning-days',
  dueDate: '--due',
  reason: '--reason',
  version: '--version',
  timeZone: '--time-zone',
};

const written = (out: Output, r: Result<GateDocument>): GateDocument => (r.ok ? r.value : fail(out, gateFlags(r.error, flags)));

/** `gate list` and `gate show`: the program's gates, one gate with its checklist. */
function registerGateReads(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('list', { isDefault: true })
      .description("The program's gates in order: status, planned review, owner, checklist counts, readiness; the current phase")
      .argument('<program>', 'program code or id')
      .option('--json', "print the API's JSON (ProgramGates)"),
  ).action(async (programRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const d = must(out, await b.listGates({ params: { programId: program.id } }));
      emit(out, d, () => gatesText(d));
    });
  });

  addActingOptions(
    group
      .command('show')
      .description('One gate: owner, gatekeepers, review, readiness, close criteria, decision, and its checklist with evidence')
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .option('--json', jsonHelp),
  ).action(async (programRef: string, gateRef: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { gate } = await gateTarget(b, out, programRef, gateRef);
      emit(out, gate, () => gateText(gate));
    });
  });
}

interface SetOptions {
  owner?: string;
  gatekeeper: string[];
  reviewMilestone?: string;
  warningDays?: string;
  due?: string;
  reason?: string;
  version?: string;
  json?: boolean;
}

/** `gate set` and `gate item set`: the cadence owner's set-up of a gate and of its items. */
function registerGateSetUp(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('set')
      .description("Set a gate's owner, gatekeepers, review milestone or warning period (the cadence owner)")
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .option('--owner <person>', 'the gate owner: e-mail address or id of someone on the program')
      .option('--gatekeeper <people>', 'the gatekeepers who recommend, comma-separated or repeated ("none" clears)', collect, [])
      .option('--review-milestone <key>', 'the milestone whose date is the planned review, e.g. M-5 ("none": not planned)')
      .option('--warning-days <n>', 'business days before the review from which a gate off course is at risk (0-60)')
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nA new review milestone dates the items not yet accepted or waived again, each its template offset before the review.\n\nExample:\n  tollgate gate set KHG-KW500 G2 --owner quality@demo.test --gatekeeper lead@demo.test,quality@demo.test --review-milestone M-9',
      ),
  ).action(async (programRef: string, gateRef: string, o: SetOptions, cmd: Command) => {
    const out = outputOf(o);
    const s = UpdateGateSchema.shape;
    if (o.owner === undefined && o.gatekeeper.length === 0 && o.reviewMilestone === undefined && o.warningDays === undefined)
      badOption(out, '--owner', 'Nothing to set: give --owner, --gatekeeper, --review-milestone or --warning-days.');
    const warningDays = o.warningDays === undefined ? undefined : parseIntOption(out, '--warning-days', s.warningDays, o.warningDays);
    const review = o.reviewMilestone === undefined ? undefined : isNone(o.reviewMilestone) ? null : o.reviewMilestone.trim().toUpperCase();
    const reviewMilestoneId = parseOption(out, '--review-milestone', s.reviewMilestoneId, review);
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    const given = versionOf(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const person = await programPeople(b, out, program);
      const ownerId = o.owner === undefined ? undefined : person('--owner', o.owner);
      const named = o.gatekeeper
        .flatMap((g) => g.split(','))
        .map((g) => g.trim())
        .filter((g) => g !== '');
      const gatekeeperIds = o.gatekeeper.length === 0 ? undefined : named.some(isNone) ? [] : named.map((g) => person('--gatekeeper', g));
      const g = written(
        out,
        await b.updateGate({
          params: { programId: program.id, gateKey: gate.key },
          body: { version: given ?? gate.version, ownerId, gatekeeperIds, reviewMilestoneId, warningDays, reason },
        }),
      );
      emit(out, g, () => `${g.key} updated.\n\n${gateText(g)}`);
    });
  });

  const item = group.command('item').description("A checklist item's set-up: its owner and due date");
  addActingOptions(
    item
      .command('set')
      .description("Set a checklist item's owner or due date (the cadence owner)")
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .argument('<item>', 'checklist item key (G1-GOLDEN-SAMPLE) or id')
      .option('--owner <person>', 'who provides the evidence: e-mail address or id of someone on the program')
      .option('--due <date>', 'due date, YYYY-MM-DD ("none" clears)')
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExample:\n  tollgate gate item set KHG-KW500 G1 G1-CAPACITY --owner supplier@demo.test --due 2026-03-27'),
  ).action(async (programRef: string, gateRef: string, itemRef: string, o: SetOptions, cmd: Command) => {
    const out = outputOf(o);
    const s = UpdateItemSchema.shape;
    if (o.owner === undefined && o.due === undefined) badOption(out, '--owner', 'Nothing to set: give --owner or --due.');
    const dueDate = o.due === undefined ? undefined : isNone(o.due) ? null : parseOption(out, '--due', s.dueDate, o.due.trim());
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    const given = versionOf(out, o.version);
    await withBackend(ctx, cmd, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const found = requireItem(out, program, gate, itemRef);
      const ownerId = o.owner === undefined ? undefined : (await programPeople(b, out, program))('--owner', o.owner);
      const g = written(
        out,
        await b.updateChecklistItem({
          params: { programId: program.id, gateKey: gate.key, itemKey: found.key },
          body: { version: given ?? found.version, ownerId, dueDate, reason },
        }),
      );
      emit(out, g, () => itemStepText(g, found.key, 'updated'));
    });
  });
}

/** `gate pack`: the gate's checklist pack as a PDF file, drawn in-process on the database or downloaded from a server. */
function registerGatePack(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('pack')
      .description('Write the gate checklist pack as a PDF: each item with its evidence, state and who accepted it when')
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .option('--out <file>', 'the PDF to write (default: PROGRAM-GATE-pack.pdf in this directory); an existing file is replaced')
      .option('--time-zone <zone>', "the IANA zone its instants are written in (default: your account's zone)")
      .addHelpText('after', '\nExample:\n  tollgate gate pack KHG-KW500 G1 --out KHG-KW500-G1-pack.pdf --time-zone Asia/Shanghai'),
  ).action(async (programRef: string, gateRef: string, o: { out?: string; timeZone?: string }, cmd: Command) => {
    const out = outputOf({});
    const timeZone = parseOption(out, '--time-zone', GatePackQuerySchema.shape.timeZone, o.timeZone?.trim());
    if (o.out !== undefined && o.out.trim() === '') badOption(out, '--out', 'Give a file name.');
    await withBackend(ctx, cmd, out, async (b) => {
      const program = await requireProgram(b, out, programRef);
      const gate = await requireGate(b, out, program, gateRef);
      const r = await b.gatePack(program.id, gate.key, timeZone);
      const pack = r.ok ? r.value : fail(out, gateFlags(r.error, flags));
      const file = terminalPath(o.out ?? pack.fileName);
      try {
        writeFileSync(file, pack.pdf);
      } catch (e) {
        badOption(out, '--out', `Cannot write the file: ${e instanceof Error ? e.message : String(e)}`, o.out ?? pack.fileName);
      }
      const kb = Math.max(1, Math.round(pack.pdf.length / 1024));
      terminal().stdout.write(`Wrote the ${program.code} ${gate.key} checklist pack (${gate.items.length} items, ${kb} KB) to ${file}\n`);
    });
  });
}

/** `tollgate gate …`: a program's phase gates, their checklists, reviews and packs. */
export function registerGateCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('gate')
    .alias('gates')
    .description("A program's phase gates: checklist evidence (files, links, notes), reviews and decisions, and the gate checklist pack")
    .addHelpText(
      'after',
      "\nGates are named by key (G1, any case), checklist items by key (G1-GOLDEN-SAMPLE, any case). Each write reads the\ngate first and sends the version it read; --version makes it fail instead if someone changed it since you looked.\nAn item's owner submits its evidence; the gate owner or a quality owner accepts or rejects it; a decided decision\nwaives it; the decider the template names records the outcome, which the decision log keeps.",
    );
  registerGateReads(group, ctx);
  registerGateSetUp(group, ctx);
  registerGateItemSteps(group, ctx);
  registerGateRecommend(group, ctx);
  registerGateDecide(group, ctx);
  registerGatePack(group, ctx);
  registerEvidenceCommands(group, ctx);
}
