import type { Program } from './program.js';
import { ok, type Result, refuse } from './result.js';

/**
 * What the programs made at a factory allow its records to do.
 *
 * - A program's supplier, city, country and time zone are its own once it is past draft: its calendar,
 *   "today" and history were worked out from them. While a draft, they follow its factory.
 * - So a factory's country and time zone (the default calendar and zone) stay as they are while an
 *   active or on-hold program is made there, archived or not (it can be restored): a factory that moved
 *   is a new factory. Closed programs keep their own place and do not hold it back.
 * - A supplier or factory is archived (no longer offered for new programs) only when no open program
 *   (neither archived nor closed, drafts included) is made there, as for clients.
 */

type Place = Pick<Program, 'factoryCity' | 'factoryCountry' | 'timeZone'>;
type ProgramAtFactory = Pick<Program, 'code' | 'status' | 'archivedAt'>;

/** Past draft and not closed: its calendar was taken from the factory's place. */
const keepsPlace = (p: ProgramAtFactory) => p.status === 'active' || p.status === 'on_hold';

/** Neither archived nor closed: it still runs, or is being set up. */
export const isOpenProgram = (p: ProgramAtFactory) => p.archivedAt === null && p.status !== 'closed';

/** "KHG-KW500, KHG-KW600 and 3 more": the programs a refusal names. */
export function programCodes(programs: readonly ProgramAtFactory[], shown = 10): string {
  const codes = programs.map((p) => p.code);
  if (codes.length <= shown) return codes.length === 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;
  return `${codes.slice(0, shown).join(', ')} and ${codes.length - shown} more`;
}

/** A factory's country or time zone may change only while no active or on-hold program is made there (FACTORY_IN_USE). */
export function checkPlaceChange(
  factoryName: string,
  changing: readonly ('country' | 'timeZone')[],
  programs: readonly ProgramAtFactory[],
): Result<true> {
  const holding = programs.filter(keepsPlace);
  if (changing.length === 0 || holding.length === 0) return ok(true);
  const what = changing.map((f) => (f === 'timeZone' ? 'time zone' : f)).join(' and ');
  return refuse(
    'FACTORY_IN_USE',
    `${factoryName}'s ${what} set the calendar of ${programCodes(holding)}, past draft: they stay while ${holding.length === 1 ? 'it is' : 'they are'} made there. Add the factory's new place as a factory of its own.`,
    changing.map((path) => ({ path, message: `Fixed: ${programCodes(holding)} ${holding.length === 1 ? 'is' : 'are'} made here.` })),
  );
}

/** A supplier or factory may be archived only when no open program is made there (SUPPLIER_IN_USE, FACTORY_IN_USE). */
export function checkArchivable(kind: 'supplier' | 'factory', programs: readonly ProgramAtFactory[]): Result<true> {
  const open = programs.filter(isOpenProgram);
  if (open.length === 0) return ok(true);
  const where = kind === 'supplier' ? 'at its factories' : 'there';
  return refuse(
    kind === 'supplier' ? 'SUPPLIER_IN_USE' : 'FACTORY_IN_USE',
    `${programCodes(open)} ${open.length === 1 ? 'is' : 'are'} made ${where}, neither archived nor closed; archive or close ${open.length === 1 ? 'it' : 'them'} first.`,
  );
}

/**
 * What a draft made at the factory takes from its edit: the new city and country, and the new zone
 * unless the draft chose a zone of its own. Programs past draft keep theirs (nothing).
 */
export function draftFollowing(program: Pick<Program, 'status'> & Place, before: FactoryPlace, after: FactoryPlace): Partial<Place> {
  if (program.status !== 'draft') return {};
  const set: { -readonly [K in keyof Place]?: Place[K] } = {};
  if (before.city !== after.city && program.factoryCity !== after.city) set.factoryCity = after.city;
  if (before.country !== after.country && program.factoryCountry !== after.country) set.factoryCountry = after.country;
  if (before.timeZone !== after.timeZone && program.timeZone === before.timeZone) set.timeZone = after.timeZone;
  return set;
}

export interface FactoryPlace {
  readonly city: string;
  readonly country: string;
  readonly timeZone: string;
}

/** What a draft made at one of the supplier's factories takes from its new name (programs past draft keep theirs). */
export function draftFollowingSupplier(program: Pick<Program, 'status' | 'supplierName'>, name: string): { supplierName?: string } {
  return program.status === 'draft' && program.supplierName !== name ? { supplierName: name } : {};
}
