import type { Command } from 'commander';
import type { z } from 'zod';
import type { FactorySchema, SupplierSchema } from '../contract/setup.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { addActingOptions, withBackend } from './connect.js';
import { withFlags } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

// Suppliers and their factories from the command line: listed, added (admins and cadence owners),
// edited and archived (admins). A factory is named "Supplier/Factory", as programs' --factory takes it.

type SupplierJson = z.infer<typeof SupplierSchema>;
type FactoryJson = z.infer<typeof FactorySchema>;

const jsonHelp = "print the API's JSON instead of text";

/** The answer, or the command ends with the refusal, its fields named as the options typed. */
const written = <T>(out: Output, r: Result<T>, flags: Record<string, string>): T =>
  r.ok ? r.value : fail(out, withFlags(r.error, { version: '--version', ...flags }));

const archivedMark = (x: { archivedAt: string | null }) => (x.archivedAt ? ` (archived ${x.archivedAt.slice(0, 10)})` : '');

function suppliersTable(items: readonly SupplierJson[]): string {
  if (items.length === 0) return 'No suppliers yet: tollgate supplier add "<name>" --country CN';
  const rows = items.flatMap((s) =>
    s.factories.length === 0
      ? [[`${s.name}${archivedMark(s)}`, s.country, '—', null, null]]
      : s.factories.map((f) => [
          `${s.name}${archivedMark(s)}`,
          s.country,
          `${f.name}${archivedMark(f)}`,
          `${f.city}, ${f.country}`,
          f.timeZone,
        ]),
  );
  // Fits 100 columns; a factory is named as "Supplier/Factory" (--json has the ids).
  return table(['Supplier', 'Country', 'Factory', 'Where', 'Time zone'], rows, { maxWidths: [24, 7, 16, 18, 16] });
}

const listOf = async (b: Backend, out: Output, archived: boolean) =>
  must(out, await b.listSuppliers({ query: archived ? { archived: 'true' } : {} })).items;

/** A supplier named by id or name (any case); archived ones too when asked (edits and archiving). */
async function requireSupplier(b: Backend, out: Output, ref: string, archived = false): Promise<SupplierJson> {
  const wanted = ref.trim();
  return (
    (await listOf(b, out, archived)).find((x) => x.id === wanted || x.name.toLowerCase() === wanted.toLowerCase()) ??
    fail(out, { code: 'SUPPLIER_NOT_FOUND', message: `No supplier "${ref}". See \`tollgate supplier list\`.` })
  );
}

/**
 * A factory named by id, or as "Supplier/Factory" (names, any case); a supplier with one factory by its
 * name alone. Only those offered for new programs, unless `archived` (edits and archiving).
 */
export async function requireFactory(b: Backend, out: Output, ref: string, flag = '--factory', archived = false): Promise<FactoryJson> {
  const wanted = ref.trim();
  const [supplierName = '', factoryName] = wanted.split('/').map((x) => x.trim().toLowerCase());
  for (const s of await listOf(b, out, archived)) {
    const byId = s.factories.find((f) => f.id === wanted);
    if (byId) return byId;
    if (s.name.toLowerCase() !== supplierName) continue;
    const named =
      factoryName === undefined
        ? s.factories.length === 1
          ? s.factories[0]
          : undefined
        : s.factories.find((f) => f.name.toLowerCase() === factoryName);
    if (named) return named;
  }
  return fail(out, {
    code: 'VALIDATION_FAILED',
    message: `No factory "${ref}". Name it as "Supplier/Factory" or by id; see \`tollgate supplier list\`.`,
    fields: [{ path: flag, message: 'Unknown factory.' }],
  });
}

const factoryText = (f: FactoryJson) => `${f.name} (${f.city}, ${f.country}, ${f.timeZone})`;

export function registerSupplierCommands(cli: Command, ctx: CliContext): void {
  const suppliers = cli
    .command('supplier')
    .alias('suppliers')
    .description('Suppliers and their factories (admins and cadence owners add them; admins edit and archive them)');

  addActingOptions(
    suppliers
      .command('list', { isDefault: true })
      .description('Every supplier with its factories')
      .option('--archived', 'archived suppliers and factories too')
      .option('--json', jsonHelp),
  ).action(async (o: { archived?: boolean; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const items = await listOf(b, out, o.archived === true);
      emit(out, { items }, () => suppliersTable(items));
    });
  });

  addActingOptions(
    suppliers
      .command('add')
      .description('Add a supplier')
      .argument('<name>', 'the supplier, e.g. "Ningbo Precision Molding Co."')
      .option('--country <code>', 'two-letter country code of its head office (required)')
      .option('--json', jsonHelp),
  ).action(async (name: string, o: { country?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const s = written(out, await b.createSupplier({ body: { name, country: o.country ?? '' } }), {
        name: '<name>',
        country: '--country',
      });
      emit(
        out,
        s,
        () =>
          `Added supplier ${s.name}. Add its factory: tollgate supplier factory "${s.name}" --city <city> --country ${s.country} --time-zone <zone>`,
      );
    });
  });

  addActingOptions(
    suppliers
      .command('factory')
      .description("Add a factory to a supplier: its country's holidays and its time zone become new programs' defaults")
      .argument('<supplier>', 'supplier name or id')
      .option('--city <name>', 'where it is (required)')
      .option('--country <code>', 'two-letter country code (required)')
      .option('--time-zone <zone>', 'IANA time zone, e.g. Asia/Shanghai (required)')
      .option('--name <text>', 'its name (default: the city)')
      .option('--json', jsonHelp),
  ).action(async (ref: string, o: { city?: string; country?: string; timeZone?: string; name?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const s = await requireSupplier(b, out, ref);
      const body = { city: o.city ?? '', country: o.country ?? '', timeZone: o.timeZone ?? '', name: o.name };
      const f = written(out, await b.createFactory({ params: { supplierId: s.id }, body }), {
        city: '--city',
        country: '--country',
        timeZone: '--time-zone',
        name: '--name',
      });
      emit(out, f, () => `Added factory ${s.name}/${factoryText(f)}.`);
    });
  });

  addActingOptions(
    suppliers
      .command('edit')
      .description("Rename a supplier or correct its head office's country (admins); drafts made at its factories take the new name")
      .argument('<supplier>', 'supplier name or id')
      .option('--name <text>', 'new name')
      .option('--country <code>', 'new two-letter country code of its head office')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nExample:\n  tollgate supplier edit "Ningbo Lisheng" --name "Ningbo Lisheng Electric Appliance Co." --reason "Registered name"',
      ),
  ).action(async (ref: string, o: { name?: string; country?: string; reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = await requireSupplier(b, out, ref, true);
      const body = { version: before.version, name: o.name, country: o.country, reason: o.reason };
      const s = written(out, await b.updateSupplier({ params: { supplierId: before.id }, body }), { name: '--name', country: '--country' });
      emit(out, s, () => `Saved supplier ${s.name} (${s.country}).`);
    });
  });

  addActingOptions(
    suppliers
      .command('archive')
      .description('Archive a supplier: its factories are no longer offered for new programs (admins)')
      .argument('<supplier>', 'supplier name or id')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp)
      .addHelpText('after', '\nRefused (SUPPLIER_IN_USE) while a program neither archived nor closed is made at one of its factories.'),
  ).action(async (ref: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = await requireSupplier(b, out, ref, true);
      const body = { version: before.version, reason: o.reason };
      const s = written(out, await b.archiveSupplier({ params: { supplierId: before.id }, body }), {});
      emit(out, s, () => `Archived supplier ${s.name}: its factories are no longer offered for new programs.`);
    });
  });

  const factories = cli
    .command('factory')
    .alias('factories')
    .description('Edit or archive a supplier\'s factory (admins); add one with "tollgate supplier factory"');

  addActingOptions(
    factories
      .command('edit')
      .description("Change a factory's name, city, country or time zone (admins)")
      .argument('<factory>', '"Supplier/Factory" or factory id (see `tollgate supplier list`)')
      .option('--name <text>', 'new name')
      .option('--city <name>', 'new city')
      .option('--country <code>', 'new two-letter country code (its public holidays)')
      .option('--time-zone <zone>', 'new IANA time zone, e.g. Asia/Ho_Chi_Minh')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp)
      .addHelpText(
        'after',
        '\nCountry and time zone set the calendar of the programs made there: they stay while an active or\non-hold program is made there (FACTORY_IN_USE names them); drafts made there take the new place.\n\nExample:\n  tollgate factory edit "Ningbo Lisheng/Ningbo" --name "Plant 2" --reason "Second plant opened"',
      ),
  ).action(
    async (
      ref: string,
      o: { name?: string; city?: string; country?: string; timeZone?: string; reason?: string; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      await withBackend(ctx, cmd, out, async (b) => {
        const before = await requireFactory(b, out, ref, '<factory>', true);
        const body = { version: before.version, name: o.name, city: o.city, country: o.country, timeZone: o.timeZone, reason: o.reason };
        const f = written(out, await b.updateFactory({ params: { factoryId: before.id }, body }), {
          name: '--name',
          city: '--city',
          country: '--country',
          timeZone: '--time-zone',
        });
        emit(out, f, () => `Saved factory ${factoryText(f)}.`);
      });
    },
  );

  addActingOptions(
    factories
      .command('archive')
      .description('Archive a factory: no longer offered for new programs (admins)')
      .argument('<factory>', '"Supplier/Factory" or factory id (see `tollgate supplier list`)')
      .option('--reason <text>', 'why, kept in the change log')
      .option('--json', jsonHelp)
      .addHelpText('after', '\nRefused (FACTORY_IN_USE) while a program neither archived nor closed is made there.'),
  ).action(async (ref: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = await requireFactory(b, out, ref, '<factory>', true);
      const body = { version: before.version, reason: o.reason };
      const f = written(out, await b.archiveFactory({ params: { factoryId: before.id }, body }), {});
      emit(out, f, () => `Archived factory ${f.name}: no longer offered for new programs.`);
    });
  });
}
