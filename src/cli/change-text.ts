import type { ChangeEntry } from '../contract/change.js';
import { linkStory, toldFields } from '../domain/change-story.js';
import { roles } from '../domain/roles.js';
import { fieldLabel, roleWord, valueText } from './format.js';

// The change log told in English lines for the terminal (the web tells it from its catalogue).

/** Fields whose values are structured (JSON): a story says they changed, not what the JSON was. */
const structured = new Set(['calendarSpec', 'dates']);

type Field = ChangeEntry['fields'][number];

/** A role granted reads in words (cadence owner), as in the web's log, not as its code. */
const isRole = (entity: string, f: Field, v: Field['newValue']): v is string =>
  entity === 'membership' && f.field === 'role' && (roles as readonly unknown[]).includes(v);

const valueWords = (entity: string, f: Field, side: 'old' | 'new'): string => {
  const v = side === 'old' ? f.oldValue : f.newValue;
  const name = side === 'old' ? f.oldName : f.newName;
  return name ?? (isRole(entity, f, v) ? roleWord(v) : valueText(v));
};

const days = (n: number) => `${n} business day${Math.abs(n) === 1 ? '' : 's'}`;

/** The record as people name it: "M-33 Tooling T1 approved", "the program", "Lin Wei's role". */
export function recordText(e: ChangeEntry): string {
  const { entity, key, title } = e.record;
  if (entity === 'membership') return `role of ${title ?? 'a person'}`;
  if (entity === 'program') return `program ${key ?? ''}`.trim();
  return [key, title].filter(Boolean).join(' ') || entity.replace('_', ' ');
}

/**
 * One entry as one line: "M-33 → M-35 added, lag 5 business days", "M-2 Pilot run added: phase G1, …",
 * "M-1 Tooling T1 approved: owner — → Lin Wei; critical no → yes", "role of Lin Wei removed".
 */
export function entryText(e: ChangeEntry): string {
  const link = linkStory(e.record.entity, e.record.key, e.fields);
  if (link) return `${link.from} → ${link.to} ${link.kind}, lag ${days(link.lagDays)}`;
  const told = toldFields(e.record.entity, e.kind, e.fields);
  const what = recordText(e);
  if (e.kind === 'removed') return `${what} removed`;
  if (e.kind === 'added') {
    const values = told.map((f) =>
      structured.has(f.field) ? fieldLabel(f.field) : `${fieldLabel(f.field)} ${valueWords(e.record.entity, f, 'new')}`,
    );
    return values.length > 0 ? `${what} added: ${values.join(', ')}` : `${what} added`;
  }
  const changes = told.map((f) =>
    structured.has(f.field)
      ? `${fieldLabel(f.field)} changed`
      : `${fieldLabel(f.field)} ${valueWords(e.record.entity, f, 'old')} → ${valueWords(e.record.entity, f, 'new')}`,
  );
  return `${what}: ${changes.join('; ')}`;
}
