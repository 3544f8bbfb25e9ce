import type { MyWeek } from '../lib/records-api.js';
import { paths } from '../records/paths.js';

export type WeekItem = MyWeek['decisions'][number];
export type WeekSectionName = 'decisions' | 'actions' | 'confirmations' | 'risks' | 'milestones' | 'checklistItems' | 'reviews';
export const weekSections: readonly WeekSectionName[] = [
  'decisions',
  'reviews',
  'actions',
  'checklistItems',
  'confirmations',
  'risks',
  'milestones',
];

/** Where an item of "my week" is dealt with. */
export function itemPath(item: WeekItem): string {
  const code = item.programCode;
  switch (item.kind) {
    case 'decision':
      return paths.decision(code, item.key);
    case 'action':
    case 'confirmation':
      return paths.action(code, item.key);
    case 'risk_review':
      return paths.risk(code, item.key);
    case 'milestone':
      return paths.milestone(code, item.key);
    case 'checklist_item':
    case 'evidence_review':
      return paths.checklistItem(code, item.gateKey ?? '', item.key);
  }
}

/** Overdue first (oldest first), then by due date; items without a date last, so the gap shows. */
export function byUrgency(items: readonly WeekItem[]): WeekItem[] {
  const rank = (i: WeekItem) => (i.isOverdue ? 0 : i.dueDate === null ? 2 : 1);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.programCode.localeCompare(b.programCode),
  );
}
