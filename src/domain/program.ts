import type { CalendarSpec } from './calendar/calendar-spec.js';
import type { ClientId, FactoryId, ProgramId, UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';

export const programStatuses = ['draft', 'active', 'on_hold', 'closed'] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export interface Program {
  readonly id: ProgramId;
  readonly code: string;
  readonly name: string;
  readonly clientId: ClientId;
  /** What is made, e.g. "Cordless kettle housing, 1.7 l" (may be empty for programs made before 0010). */
  readonly product: string;
  /** The supplier's factory where it is made (null only for a factory record since removed). */
  readonly factoryId: FactoryId | null;
  readonly supplierName: string;
  readonly factoryCity: string;
  /** ISO 3166-1 alpha-2 country code of the factory. */
  readonly factoryCountry: string;
  readonly timeZone: string;
  readonly status: ProgramStatus;
  readonly ownerId: UserId | null;
  /** Business days a forecast may lie after its baseline before it counts as a breach. */
  readonly toleranceDays: number;
  readonly targetReleaseDate: PlainDate | null;
  /** The program's business calendar; null: weekends and the factory country's public holidays (programCalendar). */
  readonly calendarSpec: CalendarSpec | null;
  /** When it left the portfolio (still readable and searchable); null while it is in it. */
  readonly archivedAt: string | null;
  readonly version: number;
  /**
   * Committed writes to the program or anything in it (milestones, links, records, people, calendar):
   * figures derived from its data are those of the stored data while this number is unchanged.
   */
  readonly revision: number;
}

export const defaultToleranceDays = 3;

/** Program codes are short, upper-case and URL-safe, so people can type them in the CLI. */
export const programCodePattern = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
