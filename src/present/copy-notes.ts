import type { CopyNote } from '../domain/plan-copy.js';

/** A copy preview's note in words (the API's `message`, the CLI's text). */
export function copyNoteText(n: CopyNote, personName: (id: string) => string): string {
  switch (n.code) {
    case 'START_MOVED':
      return `${n.from} is not a working day at the new factory (${n.day}); the plan starts on ${n.to}.`;
    case 'HOLIDAY':
      return `${n.date} is not a working day at the new factory (${n.day}); counted in business days from the start, it lands on ${n.movedTo}.`;
    case 'CLOSED_DAYS_BETWEEN':
      return `${n.days} weekday${n.days === 1 ? ' is' : 's are'} closed at the new factory before it (from ${n.first}, ${n.day}); it lands later by as many business days.`;
    case 'PUSHED_BY_LINK':
      return `Pushed from ${n.from} to meet its dependency on ${n.predecessorKey} (lag ${n.lagDays} business day${Math.abs(n.lagDays) === 1 ? '' : 's'}).`;
    case 'OWNER_LEFT':
      return n.isChosen
        ? `${personName(n.sourceOwnerId)} owns it in the source; left for assignment, as asked.`
        : `${personName(n.sourceOwnerId)} owns it in the source but will hold no role on the new program: left for assignment.`;
  }
}

/** A note as the API answers it: its code, its parameters (so any language can word it) and the English words. */
export function copyNoteJson(n: CopyNote, personName: (id: string) => string) {
  const message = copyNoteText(n, personName);
  switch (n.code) {
    case 'START_MOVED':
      return { code: n.code, message, params: { from: n.from, to: n.to, day: n.day } };
    case 'HOLIDAY':
      return { code: n.code, message, params: { date: n.date, day: n.day, movedTo: n.movedTo } };
    case 'CLOSED_DAYS_BETWEEN':
      return { code: n.code, message, params: { days: n.days, first: n.first, day: n.day } };
    case 'PUSHED_BY_LINK':
      return { code: n.code, message, params: { predecessorKey: n.predecessorKey, lagDays: n.lagDays, from: n.from } };
    case 'OWNER_LEFT':
      return { code: n.code, message, params: { ownerId: n.sourceOwnerId, owner: personName(n.sourceOwnerId), isChosen: n.isChosen } };
  }
}
