/** IN lists are sent in parts of at most this many values (both databases' parameter limits are far above). */
const inListSize = 500;

/** The values of an IN list in parts small enough for one statement each. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += inListSize) out.push(items.slice(i, i + inListSize));
  return out;
}
