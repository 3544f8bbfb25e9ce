import { type GateDocument, SubmitItemSchema } from '../contract/gate.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Refusal } from '../domain/result.js';
import type { Backend } from './backend.js';
import { badOption, parseIntOption } from './options.js';
import { fail, type Output } from './output.js';
import { must, requireProgram } from './targets.js';

// Resolving what people type for the gate commands (gate keys, item keys, people by e-mail) to records.

/** The gate named by key (G1, any case) or id, as the API answers it, or the command ends with GATE_NOT_FOUND. */
export async function requireGate(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<GateDocument> {
  const r = await b.getGate({ params: { programId: p.id, gateKey: ref.trim() } });
  if (r.ok) return r.value;
  if (r.error.code !== 'GATE_NOT_FOUND') return fail(out, r.error);
  return fail(out, { ...r.error, message: `${r.error.message} See \`tollgate gate list ${p.code}\` for its gates.` });
}

/** An item of the gate by key (G1-GOLDEN-SAMPLE, any case) or id, or the command ends with CHECKLIST_ITEM_NOT_FOUND. */
export function requireItem(out: Output, p: ProgramSummary, g: GateDocument, ref: string): GateDocument['items'][number] {
  const wanted = ref.trim();
  const found = g.items.find((i) => i.id === wanted) ?? g.items.find((i) => i.key.toLowerCase() === wanted.toLowerCase());
  return (
    found ??
    fail(out, {
      code: 'CHECKLIST_ITEM_NOT_FOUND',
      message: `${g.key} of ${p.code} has no item "${ref}". See \`tollgate gate show ${p.code} ${g.key}\` for its checklist.`,
    })
  );
}

/** The program and gate, read before a write: a person at a terminal writes over what they just saw. */
export async function gateTarget(b: Backend, out: Output, programRef: string, gateRef: string) {
  const program = await requireProgram(b, out, programRef);
  return { program, gate: await requireGate(b, out, program, gateRef) };
}

/** Resolves people named by e-mail address or id to the ids of those holding a role on the program. */
export async function programPeople(b: Backend, out: Output, p: ProgramSummary) {
  const people = must(out, await b.listProgramPeople({ params: { programId: p.id } })).items;
  return (flag: string, ref: string): string => {
    const wanted = ref.trim();
    const found = people.find((x) => x.id === wanted || x.email === wanted.toLowerCase());
    return (
      found?.id ??
      fail(out, {
        code: 'USER_NOT_FOUND',
        message: `Nobody "${ref}" holds a role on ${p.code}. See \`tollgate programs people ${p.code}\`.`,
        fields: [{ path: flag, message: 'Not a member of this program.' }],
      })
    );
  };
}

/** --version, checked before anything is read like every other option. */
export const versionOf = (out: Output, raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : parseIntOption(out, '--version', SubmitItemSchema.shape.version, raw, 'Must be a version number (1 or more) as printed by --json.');

/** A repeatable option's "a;b;c" value split in its parts, the last `tail` parts apart from the text before them. */
export function splitParts(out: Output, flag: string, raw: string, tail: number, example: string): string[] {
  const parts = raw.split(';').map((s) => s.trim());
  if (parts.length < tail + 1) return badOption(out, flag, `Give it as ${example}.`, raw);
  return [parts.slice(0, parts.length - tail).join(';'), ...parts.slice(parts.length - tail)];
}

/** The API's field names as the options a person typed: conditions[0].ownerId → --condition #1. */
export function gateFlags(r: Refusal, flags: Readonly<Record<string, string>>): Refusal {
  if (!r.fields) return r;
  const flagOf = (path: string): string => {
    const listed = /^(conditions|reasons|gatekeeperIds)(?:\[(\d+)\]|\.(\d+))?/.exec(path);
    if (listed) {
      const option = { conditions: '--condition', reasons: '--recycle-reason', gatekeeperIds: '--gatekeeper' }[listed[1] as string];
      const n = listed[2] ?? listed[3];
      return n === undefined ? (option as string) : `${option} #${Number(n) + 1}`;
    }
    return flags[path] ?? path;
  };
  return { ...r, fields: r.fields.map((f) => ({ ...f, path: flagOf(f.path) })) };
}
