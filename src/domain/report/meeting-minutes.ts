import type { PlainDate } from '../plain-date.js';
import { compareInstants } from './report-order.js';

/** Most outcomes recorded in one week's cadence meeting. */
export const minutesMax = 200;

/** One outcome recorded during the week's cadence meeting, as it stood when recorded (the minutes keep it). */
export type MinutesEntry =
  | {
      readonly kind: 'decision';
      readonly key: string;
      readonly statement: string;
      readonly outcome: string;
      readonly rationale: string;
      readonly ownerId: string | null;
      /** Who recorded it (the cadence owner) and when. */
      readonly actorId: string;
      readonly at: string;
    }
  | {
      readonly kind: 'action';
      readonly key: string;
      readonly title: string;
      readonly ownerId: string | null;
      readonly dueDate: PlainDate | null;
      readonly actorId: string;
      readonly at: string;
    };

/** The minutes of a week's meeting: its outcomes in the order they were recorded (then by key). */
export const minutesOrder = (entries: readonly MinutesEntry[]): MinutesEntry[] =>
  [...entries].sort((a, b) => compareInstants(a.at, b.at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
