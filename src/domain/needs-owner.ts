import type { Action } from './action.js';
import type { Decision } from './decision.js';
import type { Milestone } from './milestone.js';
import type { PlainDate } from './plain-date.js';

export type GapKind = 'milestone' | 'decision' | 'action';
export type Gap = 'owner' | 'due_date';

/** A record still open that lacks an owner or a due date: kept from before every record had to have both. */
export interface NeedsOwnerItem {
  readonly kind: GapKind;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly lacks: readonly Gap[];
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
}

const kindOrder: Record<GapKind, number> = { milestone: 0, decision: 1, action: 2 };
const keyNumber = (key: string) => Number(key.slice(key.indexOf('-') + 1));

/** The place of an item in the list: milestones, then decisions, then actions, each by key number. */
export const needsOwnerPlace = (i: Pick<NeedsOwnerItem, 'kind' | 'key'>): readonly [number, number] => [
  kindOrder[i.kind],
  keyNumber(i.key),
];

const gaps = (ownerId: string | null, dueDate: PlainDate | null): Gap[] => [
  ...(ownerId === null ? (['owner'] as const) : []),
  ...(dueDate === null ? (['due_date'] as const) : []),
];

/**
 * What the cadence owner must still give an owner or a due date (PRODUCT.md: no item without both):
 * open milestones without an owner (their due date is their planned date), open decisions and
 * actions not yet closed without an owner or a due date; in list order.
 */
export function needsOwner(records: {
  readonly milestones: readonly Milestone[];
  readonly decisions: readonly Decision[];
  readonly actions: readonly Action[];
}): NeedsOwnerItem[] {
  const items: NeedsOwnerItem[] = [
    ...records.milestones
      .filter((m) => m.actualDate === null)
      .map((m) => ({ kind: 'milestone' as const, id: m.id, key: m.key, title: m.name, ownerId: m.ownerId, dueDate: m.baselineDate })),
    ...records.decisions
      .filter((d) => d.status === 'open')
      .map((d) => ({ kind: 'decision' as const, id: d.id, key: d.key, title: d.statement, ownerId: d.ownerId, dueDate: d.dueDate })),
    ...records.actions
      .filter((a) => a.status !== 'closed')
      .map((a) => ({ kind: 'action' as const, id: a.id, key: a.key, title: a.title, ownerId: a.ownerId, dueDate: a.dueDate })),
  ]
    .map((i) => ({ ...i, lacks: gaps(i.ownerId, i.dueDate) }))
    .filter((i) => i.lacks.length > 0);
  return items.sort((a, b) => {
    const [ak, an] = needsOwnerPlace(a);
    const [bk, bn] = needsOwnerPlace(b);
    return ak - bk || an - bn;
  });
}
