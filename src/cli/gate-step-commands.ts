import type { Command } from 'commander';
import {
  AcceptItemSchema,
  DecideGateSchema,
  type GateDocument,
  RecommendGateSchema,
  RejectItemSchema,
  ReopenItemSchema,
  SubmitItemSchema,
  WaiveItemSchema,
} from '../contract/gate.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { gateFlags, gateTarget, programPeople, requireItem, splitParts, versionOf } from './gate-targets.js';
import { gateText, itemStepText } from './gate-text.js';
import { parseOption } from './options.js';
import { emit, fail, type Output, outputOf } from './output.js';
import type { CliContext } from './session.js';

// The steps of a gate's review: an item's evidence submitted, accepted, rejected, waived or reopened;
// a gatekeeper's recommendation; the decider's outcome. Each reads the gate first and writes at the
// version it read (or --version), as the API's callers do.

const jsonHelp = "print the gate as the API's JSON (Gate)";
const versionHelp = 'fail with VERSION_CONFLICT unless the item (or gate) is still at this version (for scripts)';
const collect = (value: string, previous: string[]) => [...previous, value];

/** The API's field names as the options a person typed, for refusals. */
const flags: Record<string, string> = {
  note: '--note',
  comment: '--comment',
  decisionId: '--decision',
  reason: '--reason',
  recommendation: '--outcome',
  outcome: '--outcome',
  rationale: '--rationale',
  expectedImpact: '--impact',
  version: '--version',
};

const written = (out: Output, r: Result<GateDocument>): GateDocument => (r.ok ? r.value : fail(out, gateFlags(r.error, flags)));

interface StepOptions {
  note?: string;
  comment?: string;
  decision?: string;
  reason?: string;
  version?: string;
  json?: boolean;
}

type ItemParams = { programId: string; gateKey: string; itemKey: string };

/** One step on a checklist item: its options read into the body, the call, and what the answer says was done. */
interface Step {
  readonly name: 'submit' | 'accept' | 'reject' | 'waive' | 'reopen';
  readonly description: string;
  readonly options: readonly [flag: string, help: string][];
  readonly example: string;
  body(out: Output, o: StepOptions): Record<string, unknown>;
  send(b: Backend, params: ItemParams, body: never): Promise<Result<GateDocument>>;
}

const reasonOption: [string, string] = ['--reason <text>', 'why, for the change log'];

const steps: readonly Step[] = [
  {
    name: 'submit',
    description: "Submit an item's evidence for review (the item's owner), first or again after a rejection",
    options: [['--note <text>', 'what the evidence is and where it is kept'], reasonOption],
    example: 'tollgate gate submit KHG-KW500 G1 G1-BOM-DRAWINGS --note "BOM rev C and drawings 4711-C released"',
    body: (out, o) => ({
      note: parseOption(out, '--note', SubmitItemSchema.shape.note, o.note),
      reason: parseOption(out, '--reason', SubmitItemSchema.shape.reason, o.reason),
    }),
    send: (b, params, body) => b.submitChecklistItem({ params, body }),
  },
  {
    name: 'accept',
    description: 'Accept submitted evidence (the gate owner or a quality owner, not the one who submitted it)',
    options: [['--comment <text>', 'what was checked'], reasonOption],
    example: 'tollgate gate accept KHG-KW500 G1 G1-BOM-DRAWINGS --comment "Checked against the BOM"',
    body: (out, o) => ({
      comment: parseOption(out, '--comment', AcceptItemSchema.shape.comment, o.comment),
      reason: parseOption(out, '--reason', AcceptItemSchema.shape.reason, o.reason),
    }),
    send: (b, params, body) => b.acceptChecklistItem({ params, body }),
  },
  {
    name: 'reject',
    description: 'Reject submitted evidence, saying what is missing (the gate owner or a quality owner)',
    options: [['--comment <text>', 'why it is rejected and what is missing (required)'], reasonOption],
    example: 'tollgate gate reject KHG-KW500 G1 G1-BOM-DRAWINGS --comment "Drawing 4712 still at rev B"',
    body: (out, o) => ({
      comment: parseOption(out, '--comment', RejectItemSchema.shape.comment, o.comment),
      reason: parseOption(out, '--reason', RejectItemSchema.shape.reason, o.reason),
    }),
    send: (b, params, body) => b.rejectChecklistItem({ params, body }),
  },
  {
    name: 'waive',
    description: 'Waive an item not yet accepted by linking a decided decision of the program',
    options: [['--decision <key>', 'the decided decision that waives it: D-4 or its id (required)'], reasonOption],
    example: 'tollgate gate waive KHG-KW500 G1 G1-CAPACITY --decision D-4',
    body: (out, o) => ({
      decisionId: parseOption(out, '--decision', WaiveItemSchema.shape.decisionId, o.decision?.trim()),
      reason: parseOption(out, '--reason', WaiveItemSchema.shape.reason, o.reason),
    }),
    send: (b, params, body) => b.waiveChecklistItem({ params, body }),
  },
  {
    name: 'reopen',
    description: 'Reopen an accepted or waived item, saying why (the gate owner or a quality owner)',
    options: [['--reason <text>', 'why it is reopened (required)']],
    example: 'tollgate gate reopen KHG-KW500 G1 G1-TOOLING-T1 --reason "Cavity 2 reworked: measure again"',
    body: (out, o) => ({ reason: parseOption(out, '--reason', ReopenItemSchema.shape.reason, o.reason) }),
    send: (b, params, body) => b.reopenChecklistItem({ params, body }),
  },
];

/** `gate submit|accept|reject|waive|reopen <program> <gate> <item>`. */
export function registerGateItemSteps(group: Command, ctx: CliContext): void {
  for (const step of steps) {
    const cmd = group
      .command(step.name)
      .description(step.description)
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .argument('<item>', 'checklist item key (G1-GOLDEN-SAMPLE) or id');
    for (const [flag, help] of step.options) cmd.option(flag, help);
    cmd.option('--version <n>', versionHelp).option('--json', jsonHelp).addHelpText('after', `\nExample:\n  ${step.example}`);
    addActingOptions(cmd).action(async (programRef: string, gateRef: string, itemRef: string, o: StepOptions, c: Command) => {
      const out = outputOf(o);
      const body = step.body(out, o);
      const given = versionOf(out, o.version);
      await withBackend(ctx, c, out, async (b) => {
        const { program, gate } = await gateTarget(b, out, programRef, gateRef);
        const item = requireItem(out, program, gate, itemRef);
        const params = { programId: program.id, gateKey: gate.key, itemKey: item.key };
        const g = written(out, await step.send(b, params, { version: given ?? item.version, ...body } as never));
        emit(out, g, () => itemStepText(g, item.key));
      });
    });
  }
}

/** `gate recommend <program> <gate> --outcome …`: a gatekeeper's recommendation for this review. */
export function registerGateRecommend(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('recommend')
      .description('Record your recommendation for the review (a gatekeeper named on the gate); anything but go says why')
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .option('--outcome <outcome>', 'go, conditional_go, hold, recycle or stop (required)')
      .option('--comment <text>', 'why (required unless go)')
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText('after', '\nExample:\n  tollgate gate recommend KHG-KW500 G1 --outcome hold --comment "Tooling T1 not measured yet"'),
  ).action(async (programRef: string, gateRef: string, o: StepOptions & { outcome?: string }, c: Command) => {
    const out = outputOf(o);
    const s = RecommendGateSchema.shape;
    const recommendation = parseOption(
      out,
      '--outcome',
      s.recommendation,
      o.outcome?.trim(),
      'One of go, conditional_go, hold, recycle, stop.',
    );
    const comment = parseOption(out, '--comment', s.comment, o.comment);
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    const given = versionOf(out, o.version);
    await withBackend(ctx, c, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const g = written(
        out,
        await b.recommendGate({
          params: { programId: program.id, gateKey: gate.key },
          body: { version: given ?? gate.version, recommendation, comment, reason },
        }),
      );
      emit(out, g, () => `Recommendation recorded.\n\n${gateText(g)}`);
    });
  });
}

interface DecideOptions extends StepOptions {
  outcome?: string;
  rationale?: string;
  impact?: string;
  condition: string[];
  recycleReason: string[];
}

/** A recycle reason "text;ITEM-KEY": the last part names an item when it is one word. */
function recycleReason(raw: string): { text: string; itemKey?: string } {
  const at = raw.lastIndexOf(';');
  const last = at < 0 ? '' : raw.slice(at + 1).trim();
  return at > 0 && /^\S+$/.test(last) ? { text: raw.slice(0, at).trim(), itemKey: last.toUpperCase() } : { text: raw.trim() };
}

/** `gate decide <program> <gate> --outcome … --rationale …`: the gate's outcome, logged as a decided decision. */
export function registerGateDecide(group: Command, ctx: CliContext): void {
  addActingOptions(
    group
      .command('decide')
      .description("Record the gate's outcome at its review (the decider the template names); it is logged as a decided decision")
      .argument('<program>', 'program code or id')
      .argument('<gate>', 'gate key (G1) or id')
      .option('--outcome <outcome>', 'go, conditional_go, hold, recycle or stop (required)')
      .option('--rationale <text>', "why: the decision's rationale in the decision log (required)")
      .option('--impact <text>', 'what it changes (default: "<gate> is <outcome>.")')
      .option(
        '--condition <text;owner;date>',
        'a conditional go: a condition, who meets it (e-mail or id) and by when, YYYY-MM-DD; it becomes an action (repeat for each)',
        collect,
        [],
      )
      .option(
        '--recycle-reason <text[;ITEM-KEY]>',
        'a recycle: what must be redone; naming an item reopens it (repeat for each)',
        collect,
        [],
      )
      .option('--reason <text>', 'why, for the change log')
      .option('--version <n>', versionHelp)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nGo and conditional go are refused (GATE_NOT_READY) while a required item is neither accepted nor waived, listing them.\n\nExamples:\n  tollgate gate decide KHG-KW500 G1 --outcome go --rationale "Every required item accepted"\n  tollgate gate decide KHG-KW500 G1 --outcome conditional_go --rationale "Ready but for the box artwork" \\\n    --condition "Retail box artwork approved;supplier@demo.test;2026-04-10"\n  tollgate gate decide KHG-KW500 G2 --outcome recycle --rationale "Pilot defects too high" --recycle-reason "Rerun the pilot;G2-PILOT-QTY"',
      ),
  ).action(async (programRef: string, gateRef: string, o: DecideOptions, c: Command) => {
    const out = outputOf(o);
    const s = DecideGateSchema.shape;
    const outcome = parseOption(out, '--outcome', s.outcome, o.outcome?.trim(), 'One of go, conditional_go, hold, recycle, stop.');
    const rationale = parseOption(out, '--rationale', s.rationale, o.rationale);
    const expectedImpact = parseOption(out, '--impact', s.expectedImpact, o.impact);
    const reason = parseOption(out, '--reason', s.reason, o.reason);
    const example = '"text;owner@example.com;2026-04-10"';
    const drafts = o.condition.map((raw) => splitParts(out, '--condition', raw, 2, example));
    const reasons = o.recycleReason.length
      ? parseOption(out, '--recycle-reason', s.reasons, o.recycleReason.map(recycleReason))
      : undefined;
    const given = versionOf(out, o.version);
    await withBackend(ctx, c, out, async (b) => {
      const { program, gate } = await gateTarget(b, out, programRef, gateRef);
      const person = drafts.length ? await programPeople(b, out, program) : null;
      const conditions = drafts.length
        ? parseOption(
            out,
            '--condition',
            s.conditions,
            drafts.map(([text, owner, due]) => ({ text, ownerId: person?.('--condition', owner ?? '') ?? null, dueDate: due })),
          )
        : undefined;
      const g = written(
        out,
        await b.decideGate({
          params: { programId: program.id, gateKey: gate.key },
          body: { version: given ?? gate.version, outcome, rationale, expectedImpact, conditions, reasons, reason },
        }),
      );
      emit(out, g, () => `${g.key} decided: ${outcome.replace('_', ' ')} (${g.decisionKey ?? 'logged'}).\n\n${gateText(g)}`);
    });
  });
}
