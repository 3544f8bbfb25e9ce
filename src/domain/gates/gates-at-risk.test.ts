import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../business-days.js';
import type { PlainDate } from '../plain-date.js';
import type { ChecklistItem } from './checklist-item.js';
import type { Gate } from './gate.js';
import { gatesAtRiskOf } from './gates-at-risk.js';

const d = (s: string) => s as PlainDate;
const gate = (key: string, reviewMilestoneId: string | null, over: Partial<Gate> = {}): Gate => ({
  id: `g-${key}`,
  programId: 'p-1',
  key,
  name: `Gate ${key}`,
  closeCriteria: '',
  ownerId: null,
  decidedBy: 'decision_owner',
  gatekeeperIds: [],
  reviewMilestoneId,
  warningDays: 10,
  status: 'in_progress',
  recommendations: [],
  decision: null,
  version: 1,
  ...over,
});
const rejected = (gateId: string): ChecklistItem => ({
  id: `i-${gateId}`,
  gateId,
  key: `${gateId}-ITEM`,
  position: 0,
  title: 'Item',
  description: '',
  isRequired: true,
  ownerId: null,
  dueDate: d('2026-03-20'),
  state: 'rejected',
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: 1,
});
const review = (id: string, forecastDate: string, actualDate: string | null = null) => ({
  id,
  forecastDate: d(forecastDate),
  actualDate: actualDate === null ? null : d(actualDate),
});

describe('gatesAtRiskOf', () => {
  // Wednesday 4 March 2026.
  const today = d('2026-03-04');

  it('names only the gates at risk, soonest review first, the review being the actual date when there is one', () => {
    const gates = [
      gate('G1', 'm-1'),
      gate('G2', 'm-2'),
      gate('G3', 'm-3'), // before its warning period
      gate('G4', 'm-4', { status: 'passed' }),
      gate('G5', null),
      gate('G6', 'm-unknown'),
    ];
    const reviews = [
      review('m-1', '2026-03-13'),
      review('m-2', '2026-04-30', '2026-03-11'),
      review('m-3', '2026-06-30'),
      review('m-4', '2026-03-13'),
    ];
    const items = gates.map((g) => rejected(g.id));
    // G1's review is 7 business days away, G2's actual review (not its later forecast) 5: both inside ten.
    const out = gatesAtRiskOf(gates, reviews, items, today, mondayToFriday);
    expect(out.map((g) => [g.gate.key, g.plannedReviewDate, g.readiness.businessDaysLeft, g.readiness.items.map((i) => i.key)])).toEqual([
      ['G2', '2026-03-11', 5, ['g-G2-ITEM']],
      ['G1', '2026-03-13', 7, ['g-G1-ITEM']],
    ]);
  });

  it('a gate whose required items are on course is not named', () => {
    expect(gatesAtRiskOf([gate('G1', 'm-1')], [review('m-1', '2026-03-13')], [], today, mondayToFriday)).toEqual([]);
  });
});
