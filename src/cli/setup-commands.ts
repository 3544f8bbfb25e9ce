import type { Command } from 'commander';
import type { z } from 'zod';
import type { ProgramSummary } from '../contract/program.js';
import type { ClientSchema, CopyPreviewSchema } from '../contract/setup.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { withFlags } from './options.js';
import { CliExit, emit, facts, fail, type Output, outputOf, table } from './output.js';
import { canPrompt, promptLine } from './prompt.js';
import type { CliContext } from './session.js';
import { registerSupplierCommands, requireFactory } from './supplier-commands.js';
import { must, requireProgram } from './targets.js';
import { terminal } from './terminal.js';

// Setting up a workspace from the command line: clients, suppliers and factories, programs made
// (empty or as a copy of another's plan, previewed first), edited, archived and restored.

type ClientJson = z.infer<typeof ClientSchema>;
type PreviewJson = z.infer<typeof CopyPreviewSchema>;

const jsonHelp = "print the API's JSON instead of text";

/** The answer, or the command ends with the refusal, its fields named as the options typed. */
const written = <T>(out: Output, r: Result<T>, flags: Record<string, string>): T =>
  r.ok ? r.value : fail(out, withFlags(r.error, { version: '--version', ...flags }));

function clientsTable(items: readonly ClientJson[]): string {
  if (items.length === 0) return 'No clients yet. An admin adds one: tollgate client add "<name>" --country DE';
  return table(
    ['Name', 'Country', 'Time zone', 'Contacts', 'Archived'],
    items.map((c) => [
      c.name,
      c.country,
      c.timeZone,
      c.contacts.map((k) => [k.name, k.email || k.phone].filter(Boolean).join(' ')).join('; ') || null,
      c.archivedAt?.slice(0, 10) ?? null,
    ]),
    { maxWidths: [28, undefined, 20, 30, undefined] },
  );
}

/** A client named by id or name (any case), among those the person works with (admins: every one, archived too). */
export async function requireClient(b: Backend, out: Output, ref: string): Promise<ClientJson> {
  const { items } = must(out, await b.listClients({ query: { archived: 'true' } }));
  const wanted = ref.trim().toLowerCase();
  const found = items.find((c) => c.id === ref.trim() || c.name.toLowerCase() === wanted);
  return (
    found ??
    fail(out, {
      code: 'CLIENT_NOT_FOUND',
      message: `No client "${ref}". See \`tollgate client list\` for the names.`,
      fields: [{ path: '--client', message: 'Unknown client.' }],
    })
  );
}

/** People named by e-mail or id, for --owner and the role options: resolved among everyone the person can see. */
async function resolvePeople(b: Backend, out: Output, refs: readonly string[], flag: string): Promise<string[]> {
  if (refs.length === 0) return [];
  const known = new Map<string, string>();
  const everyone = await b.listPeople();
  if (everyone.ok) for (const p of everyone.value.items) known.set(p.email, p.id);
  else {
    // Not an admin: the people of the programs they see.
    const { items } = must(out, await b.listPrograms());
    for (const p of items.slice(0, 50)) {
      const people = await b.listProgramPeople({ params: { programId: p.id } });
      if (people.ok) for (const x of people.value.items) known.set(x.email, x.id);
    }
    const me = must(out, await b.me());
    known.set(me.email, me.id);
  }
  const ids = new Set(known.values());
  return refs.map((ref) => {
    const r = ref.trim().toLowerCase();
    const id = known.get(r) ?? (ids.has(ref.trim()) ? ref.trim() : undefined);
    return (
      id ??
      fail(out, {
        code: 'USER_NOT_FOUND',
        message: `Nobody "${ref}" that you can name.`,
        fields: [{ path: flag, message: 'Unknown person.' }],
      })
    );
  });
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function previewText(p: PreviewJson): string {
  const rows = p.milestones.map((m) => [
    m.key,
    m.sourceKey === m.key ? m.name : `${m.name} (was ${m.sourceKey})`,
    m.sourceDate,
    m.date,
    m.owner?.name ?? 'to assign',
    m.notes.map((n) => n.message).join(' ') || null,
  ]);
  const head = `Copy of ${p.source.code} "${p.source.name}" from ${p.start}\n  on the calendar of ${p.country} (${p.timeZone}): ${p.milestones.length} milestones, ${p.links.length} links`;
  const notes = p.notes.map((n) => `\n  ${n.message}`).join('');
  const release = p.targetReleaseDate ? `\n  target release: ${p.targetReleaseDate}` : '';
  const owners = p.owners
    .map((o) => `\n  owner ${o.name} (${o.milestones} milestone${o.milestones === 1 ? '' : 's'}) → ${ownerFate(o)}`)
    .join('');
  // Fits 100 columns.
  const widths = { maxWidths: [4, 22, 10, 10, 12, 23] };
  return `${head}${notes}${release}${owners}\n${table(['Key', 'Name', 'Source', 'New date', 'Owner', 'Note'], rows, widths)}`;
}

/** Where a source owner's milestones go, in words. */
function ownerFate(o: PreviewJson['owners'][number]): string {
  if (o.mapsTo) return o.isChosen || o.mapsTo.id !== o.id ? o.mapsTo.name : 'keeps them';
  return o.isChosen ? 'to assign, as asked' : 'to assign: no role on the new program (map with --owner SOURCE=NEW)';
}

const programText = (p: ProgramSummary) =>
  `${p.code}  ${p.name}\n${facts([
    ['Status', `${p.status.replace('_', ' ')}${p.archivedAt ? `, archived ${p.archivedAt.slice(0, 10)}` : ''}`],
    ['Product', p.product || '—'],
    ['Client', p.client.name],
    ['Factory', `${p.supplier.name}, ${p.supplier.city} (${p.supplier.country}), ${p.timeZone}`],
    ['Milestones', String(p.milestoneCount)],
  ])}`;

interface ProgramOptions {
  name?: string;
  product?: string;
  client?: string;
  factory?: string;
  timeZone?: string;
  targetRelease?: string;
  /** Who runs it; on `program copy` also SOURCE=NEW|none owner mappings (repeatable). */
  owner?: string | string[];
  cadenceOwner?: string[];
  decisionOwner?: string[];
  qualityOwner?: string[];
  reason?: string;
  json?: boolean;
}

const programFlags = {
  code: '<code>',
  name: '--name',
  product: '--product',
  clientId: '--client',
  factoryId: '--factory',
  timeZone: '--time-zone',
  targetReleaseDate: '--target-release',
  ownerId: '--owner',
  owners: '--cadence-owner/--decision-owner/--quality-owner',
  'copyFrom.startDate': '--start',
  startDate: '--start',
  'copyFrom.programId': '<source>',
};

/** The options of a new program; a copy's --owner also maps the source plan's owners. */
function withProgramOptions(cmd: Command, isCopy = false): Command {
  cmd
    .option('--name <text>', 'the program name (required)')
    .option('--client <client>', 'client name or id (required; see `tollgate client list`)')
    .option('--factory <factory>', '"Supplier/Factory" or factory id (required; see `tollgate supplier list`)')
    .option('--product <text>', 'what is made, e.g. "Cordless kettle, 1.7 l"')
    .option('--time-zone <zone>', "IANA time zone (default: the factory's)")
    .option('--target-release <date>', 'the release date aimed at, YYYY-MM-DD');
  if (isCopy)
    cmd.option(
      '--owner <person>',
      "who runs it (e-mail or id); as SOURCE=NEW or SOURCE=none, who owns the milestones of the source plan's owner SOURCE (e-mail or id; repeatable)",
      collect,
    );
  else cmd.option('--owner <person>', 'who runs it (e-mail or id)');
  return cmd
    .option('--cadence-owner <person>', 'a cadence owner (repeatable)', collect)
    .option('--decision-owner <person>', 'a decision owner (repeatable)', collect)
    .option('--quality-owner <person>', 'a quality owner (repeatable)', collect)
    .option('--reason <text>', 'why, kept in the change log')
    .option('--json', jsonHelp);
}

async function programBody(b: Backend, out: Output, code: string, o: ProgramOptions) {
  if (!o.name)
    return fail(out, { code: 'VALIDATION_FAILED', message: '--name is required.', fields: [{ path: '--name', message: 'Required.' }] });
  if (!o.client)
    return fail(out, { code: 'VALIDATION_FAILED', message: '--client is required.', fields: [{ path: '--client', message: 'Required.' }] });
  if (!o.factory)
    return fail(out, {
      code: 'VALIDATION_FAILED',
      message: '--factory is required.',
      fields: [{ path: '--factory', message: 'Required.' }],
    });
  const client = await requireClient(b, out, o.client);
  const factoryId = (await requireFactory(b, out, o.factory)).id;
  const owners = {
    cadence_owner: await resolvePeople(b, out, o.cadenceOwner ?? [], '--cadence-owner'),
    decision_owner: await resolvePeople(b, out, o.decisionOwner ?? [], '--decision-owner'),
    quality_owner: await resolvePeople(b, out, o.qualityOwner ?? [], '--quality-owner'),
  };
  const runners = [o.owner ?? []].flat().filter((x) => !x.includes('='));
  if (runners.length > 1)
    fail(out, {
      code: 'VALIDATION_FAILED',
      message: `--owner names who runs the program once; to map a source owner write SOURCE=NEW (got ${runners.join(', ')}).`,
      fields: [{ path: '--owner', message: 'Given more than once.' }],
    });
  const [ownerId] = runners.length > 0 ? await resolvePeople(b, out, runners, '--owner') : [undefined];
  return {
    code,
    name: o.name,
    product: o.product,
    clientId: client.id,
    factoryId,
    timeZone: o.timeZone,
    targetReleaseDate: o.targetRelease,
    ownerId,
    owners,
    reason: o.reason,
  };
}

/** The --owner SOURCE=NEW|none mappings of a copy, by source owner id (people by e-mail or id). */
async function ownerMapping(b: Backend, out: Output, o: ProgramOptions): Promise<Record<string, string | null>> {
  const pairs = [o.owner ?? []]
    .flat()
    .filter((x) => x.includes('='))
    .map((pair) => {
      const at = pair.indexOf('=');
      return { from: pair.slice(0, at).trim(), to: pair.slice(at + 1).trim() };
    });
  const isNone = (to: string) => to.toLowerCase() === 'none';
  // One look-up for everyone named: finding people may read every program's people.
  const refs = pairs.flatMap((p) => (isNone(p.to) ? [p.from] : [p.from, p.to]));
  const ids = await resolvePeople(b, out, refs, '--owner');
  const idOf = new Map(refs.map((ref, i) => [ref, ids[i] ?? ref]));
  return Object.fromEntries(pairs.map((p) => [idOf.get(p.from) ?? p.from, isNone(p.to) ? null : (idOf.get(p.to) ?? p.to)]));
}

/** The refusal's fields named as typed: a mapped owner's path (copyFrom.owners.<id>, ownerMapping.<id>) is --owner. */
const copyFlags = (mapping: Record<string, string | null>) => ({
  ...programFlags,
  'copyFrom.owners': '--owner',
  ownerMapping: '--owner',
  ...Object.fromEntries(
    Object.keys(mapping).flatMap((id) => [
      [`copyFrom.owners.${id}`, '--owner'],
      [`ownerMapping.${id}`, '--owner'],
    ]),
  ),
});

/** Asks before writing a copy, unless --yes; without a terminal and --yes nothing is written. */
async function confirmCopy(out: Output, preview: PreviewJson, code: string, yes: boolean): Promise<void> {
  if (yes) return;
  const show = (text: string) => (out.json ? terminal().stderr : terminal().stdout).write(`${text}\n`);
  show(previewText(preview));
  if (!canPrompt()) {
    fail(out, {
      code: 'VALIDATION_FAILED',
      message: `Nothing was created: re-run with --yes to create ${code} with this plan (--dry-run shows it only).`,
      fields: [{ path: '--yes', message: 'Required to confirm the copy without a terminal to ask at.' }],
    });
  }
  const answer = await promptLine(`Create ${code} with this plan? [y/N] `);
  if (/^y(es)?$/i.test(answer)) return;
  terminal().stderr.write('Not created: nothing was written.\n');
  throw new CliExit(1);
}

export function registerSetupCommands(cli: Command, ctx: CliContext, programs: Command): void {
  const clients = cli.command('client').alias('clients').description('Clients whose programs you run (admins add, edit and archive them)');

  addActingOptions(
    clients
      .command('list', { isDefault: true })
      .description('The clients you work with (admins: every client)')
      .option('--archived', 'archived clients too')
      .option('--json', jsonHelp),
  ).action(async (o: { archived?: boolean; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { items } = must(out, await b.listClients({ query: o.archived ? { archived: 'true' } : {} }));
      emit(out, { items }, () => clientsTable(items));
    });
  });

  addActingOptions(
    clients
      .command('add')
      .description('Add a client (admins)')
      .argument('<name>', 'the client organisation, e.g. "Keller Haushaltsgeräte GmbH"')
      .option('--country <code>', 'two-letter country code, e.g. DE (required)')
      .option('--time-zone <zone>', 'IANA time zone of its people, e.g. Europe/Berlin (default UTC)')
      .option('--contact <text>', 'a contact as "Name <email>" or "Name, role <email>" (repeatable)', collect)
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate client add "Aurora Lighting Oy" --country FI --time-zone Europe/Helsinki --contact "Aino Virtanen, sourcing <aino@aurora.example>"',
      ),
  ).action(async (name: string, o: { country?: string; timeZone?: string; contact?: string[]; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const contacts = (o.contact ?? []).map((text) => {
      const m = /^\s*([^,<]+?)\s*(?:,\s*([^<]*?)\s*)?(?:<([^>]*)>)?\s*$/.exec(text);
      return { name: m?.[1] ?? text, role: m?.[2] ?? '', email: m?.[3] ?? '' };
    });
    await withBackend(ctx, cmd, out, async (b) => {
      const c = written(out, await b.createClient({ body: { name, country: o.country ?? '', timeZone: o.timeZone, contacts } }), {
        name: '<name>',
        country: '--country',
        timeZone: '--time-zone',
        contacts: '--contact',
      });
      emit(out, c, () => `Added client ${c.name} (${c.country}, ${c.timeZone}).`);
    });
  });

  addActingOptions(
    clients
      .command('edit')
      .description("Change a client's name, country or time zone (admins)")
      .argument('<client>', 'client name or id')
      .option('--name <text>', 'new name')
      .option('--country <code>', 'new country code')
      .option('--time-zone <zone>', 'new IANA time zone')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp),
  ).action(
    async (ref: string, o: { name?: string; country?: string; timeZone?: string; reason?: string; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      await withBackend(ctx, cmd, out, async (b) => {
        const before = await requireClient(b, out, ref);
        const body = { version: before.version, name: o.name, country: o.country, timeZone: o.timeZone, reason: o.reason };
        const c = written(out, await b.updateClient({ params: { clientId: before.id }, body }), {
          name: '--name',
          country: '--country',
          timeZone: '--time-zone',
        });
        emit(out, c, () => `Saved client ${c.name} (${c.country}, ${c.timeZone}).`);
      });
    },
  );

  addActingOptions(
    clients
      .command('archive')
      .description('Archive a client whose programs are all archived or closed (admins)')
      .argument('<client>', 'client name or id')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp),
  ).action(async (ref: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = await requireClient(b, out, ref);
      const c = written(
        out,
        await b.archiveClient({ params: { clientId: before.id }, body: { version: before.version, reason: o.reason } }),
        {},
      );
      emit(out, c, () => `Archived client ${c.name}.`);
    });
  });

  registerSupplierCommands(cli, ctx);

  addActingOptions(
    withProgramOptions(
      programs
        .command('add')
        .description("Create a program as a draft (admins and the client's cadence owners); activate it to take baseline 0")
        .argument('<code>', 'short unique code, e.g. KHG-KW600'),
    ).addHelpText(
      'after',
      '\nExample:\n  tollgate program add KHG-KW600 --name "Kettle KW600" --client "Keller Haushaltsgeräte GmbH" --factory "Ningbo Precision Molding Co./Ningbo" --product "Cordless kettle, 1.7 l"',
    ),
  ).action(async (code: string, o: ProgramOptions, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const body = await programBody(b, out, code, o);
      const p = written(out, await b.createProgram({ body }), programFlags);
      emit(out, p, () => `Created ${programText(p)}\nA draft: add milestones, then \`tollgate plan activate ${p.code}\` takes baseline 0.`);
    });
  });

  addActingOptions(
    withProgramOptions(
      programs
        .command('copy')
        .description("Create a program as a copy of another's plan, laid out from a new start on the new factory's calendar")
        .argument('<source>', 'the program to copy (code or id)')
        .argument('<code>', 'the new program code')
        .option('--start <date>', "the new plan's first date, YYYY-MM-DD (required)")
        .option('--dry-run', 'show what the copy would make; write nothing')
        .option('-y, --yes', 'create without asking (scripts)'),
      true,
    ).addHelpText(
      'after',
      '\nOwners: a milestone keeps its owner when they will hold a role on the new program, else it is left for\nassignment; --owner SOURCE=NEW hands a source owner\'s milestones to NEW, --owner SOURCE=none leaves them.\n\nExample:\n  tollgate program copy KHG-KW500 KHG-KW700 --name "Kettle KW700" --client "Keller Haushaltsgeräte GmbH" \\\n    --factory "Ningbo Lisheng Electric Appliance/Ningbo" --start 2027-03-01 --owner chen@supplier.example=lead@demo.test --dry-run',
    ),
  ).action(
    async (sourceRef: string, code: string, o: ProgramOptions & { start?: string; dryRun?: boolean; yes?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      await withBackend(ctx, cmd, out, async (b) => {
        const source = await requireProgram(b, out, sourceRef);
        const body = await programBody(b, out, code, o);
        const owners = await ownerMapping(b, out, o);
        const start = o.start ?? '';
        const preview = written(
          out,
          await b.copyPreview({
            params: { programId: source.id },
            body: {
              startDate: start,
              factoryId: body.factoryId,
              timeZone: body.timeZone,
              clientId: body.clientId,
              owners: body.owners,
              ownerMapping: owners,
            },
          }),
          copyFlags(owners),
        );
        if (o.dryRun) return emit(out, preview, () => `${previewText(preview)}\n(dry run: nothing was written)`);
        await confirmCopy(out, preview, code.toUpperCase(), o.yes === true);
        const p = written(
          out,
          await b.createProgram({ body: { ...body, copyFrom: { programId: source.id, startDate: start, owners } } }),
          copyFlags(owners),
        );
        emit(
          out,
          p,
          () => `Created ${programText(p)}\nCopied from ${source.code}. A draft: \`tollgate plan activate ${p.code}\` takes baseline 0.`,
        );
      });
    },
  );

  addActingOptions(
    programs
      .command('edit')
      .description("Change a program's name, product or owner; while a draft also its code, client, factory and time zone")
      .argument('<program>', 'program code or id')
      .option('--name <text>', 'new name')
      .option('--product <text>', 'what is made')
      .option('--owner <person>', 'who runs it (e-mail or id)')
      .option('--code <code>', 'new code (draft only)')
      .option('--client <client>', 'another client (draft only)')
      .option('--factory <factory>', 'another factory (draft only)')
      .option('--time-zone <zone>', 'another time zone (draft only)')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp),
  ).action(async (ref: string, o: ProgramOptions & { code?: string }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = await requireProgram(b, out, ref);
      const body = {
        version: before.version,
        name: o.name,
        product: o.product,
        code: o.code,
        timeZone: o.timeZone,
        reason: o.reason,
        ownerId: o.owner ? (await resolvePeople(b, out, [o.owner].flat(), '--owner'))[0] : undefined,
        clientId: o.client ? (await requireClient(b, out, o.client)).id : undefined,
        factoryId: o.factory ? (await requireFactory(b, out, o.factory)).id : undefined,
      };
      const p = written(out, await b.updateProgram({ params: { programId: before.id }, body }), { ...programFlags, code: '--code' });
      emit(out, p, () => `Saved ${programText(p)}`);
    });
  });

  for (const [verb, what] of [
    ['archive', 'Take a program out of the portfolio; it stays readable (its cadence owner or an admin)'],
    ['restore', 'Bring an archived program back into the portfolio'],
  ] as const) {
    addActingOptions(
      programs
        .command(verb)
        .description(what)
        .argument('<program>', 'program code or id')
        .option('--reason <text>', 'why, kept in the change log')
        .option('--json', jsonHelp),
    ).action(async (ref: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      await withBackend(ctx, cmd, out, async (b) => {
        const before = await requireProgram(b, out, ref);
        const input = { params: { programId: before.id }, body: { version: before.version, reason: o.reason } };
        const p = written(out, verb === 'archive' ? await b.archiveProgram(input) : await b.restoreProgram(input), {});
        emit(out, p, () =>
          verb === 'archive' ? `Archived ${p.code}: out of the portfolio, still readable.` : `Restored ${p.code} to the portfolio.`,
        );
      });
    });
  }

  addActingOptions(programs.command('archived').description('The archived programs you may see').option('--json', jsonHelp)).action(
    async (o: { json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      await withBackend(ctx, cmd, out, async (b) => {
        const { items } = must(out, await b.listArchivedPrograms());
        emit(out, { items }, () =>
          items.length === 0
            ? 'No archived programs.'
            : table(
                ['Code', 'Name', 'Client', 'Archived'],
                items.map((p) => [p.code, p.name, p.client.name, p.archivedAt?.slice(0, 10) ?? null]),
              ),
        );
      });
    },
  );
}
