import type { EvidenceState } from '../../src/domain/gates/checklist-item.js';
import type { GatePackItem, GatePackView } from '../../src/domain/gates/gate-pack.js';

/** People of a program made in China for a Vietnamese client: the names the font has to carry. */
export const packPeople = ['陈伟', '王芳', 'Nguyễn Thị Hương', 'Trần Đức Minh', 'Anna Schröder', 'Li Na'] as const;

const titles = [
  'Golden sample approved',
  'BOM and drawings frozen',
  'Tooling T1 approved',
  'Packaging specification agreed',
  'Inspection criteria and AQL agreed',
  'Capacity confirmed',
  'Long-lead materials ordered',
  'Compliance test plan agreed',
  'Launch risks reviewed',
  'First-article inspection report signed',
  'Capability (Cpk ≥ 1.33) on critical dimensions',
  'Packaging drop test passed (ISTA 2A)',
] as const;

const states: readonly EvidenceState[] = ['accepted', 'accepted', 'submitted', 'rejected', 'waived', 'open', 'accepted'];

/** The item at position i (0-based) of a synthetic G1 checklist: the same input always gives the same item. */
export function packItem(i: number): GatePackItem {
  const n = i + 1;
  const state = states[i % states.length] ?? 'open';
  const owner = packPeople[i % packPeople.length] ?? '';
  const reviewer = packPeople[(i + 1) % packPeople.length] ?? '';
  const day = String((i % 27) + 1).padStart(2, '0');
  const reviewed = state === 'accepted' || state === 'rejected';
  return {
    key: `G1-ITEM-${String(n).padStart(3, '0')}`,
    title: `${titles[i % titles.length]} (${n})`,
    isRequired: i % 4 !== 3,
    ownerName: owner,
    dueDate: i % 9 === 8 ? null : `2026-04-${day}`,
    state,
    evidence:
      state === 'open'
        ? []
        : [
            { kind: 'file', text: `G1-${n}-report-rev${(i % 3) + 1}.pdf` },
            ...(i % 3 === 0 ? [{ kind: 'link' as const, text: `https://plm.example.com/parts/KT-1700/docs/${n}?rev=C&view=full` }] : []),
            ...(i % 5 === 0
              ? [
                  {
                    kind: 'note' as const,
                    text: 'Measured 32 parts from cavity 1 and 2; two dimensions near the upper limit, agreed to watch.',
                  },
                ]
              : []),
          ],
    review: reviewed
      ? {
          verdict: state === 'rejected' ? 'rejected' : 'accepted',
          byName: reviewer,
          at: `2026-03-${day}T06:${String(i % 60).padStart(2, '0')}:00Z`,
          comment: state === 'rejected' ? 'Photos of the sealed sample missing; resubmit with the signed label.' : null,
        }
      : null,
    waiverDecisionKey: state === 'waived' ? `D-${n}` : null,
  };
}

/** A G1 pack of `count` items, made at a fixed instant in the factory's zone. */
export function gatePackFixture(count: number): GatePackView {
  return {
    program: { code: 'KT-1700', name: 'Cordless kettle housing, 1.7 l — 深圳 factory' },
    gate: {
      key: 'G1',
      name: 'Pre-production readiness',
      ownerName: '王芳',
      plannedReviewDate: '2026-04-30',
      status: 'in_progress',
      closeCriteria:
        'The product is defined and frozen, the tools make good parts, quality criteria are agreed and the factory has the capacity: nothing stops the pilot run.',
    },
    items: Array.from({ length: count }, (_, i) => packItem(i)),
    generatedAt: '2026-03-30T02:15:00Z',
    timeZone: 'Asia/Shanghai',
  };
}
