import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/contract/common.js';
import { decide, editDecision, type Decision as Stored, supersede } from '../../../src/domain/decision.js';
import type { UserId } from '../../../src/domain/ids.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { permit } from '../../../src/domain/policy.js';
import { roles } from '../../../src/domain/roles.js';
import { callHook } from '../i18n/test-render.js';
import type { Decision } from '../lib/records-api.js';
import { me, other, roleAccess } from '../lib/test-roles.js';
import { useDecisionButtons } from './decision-buttons.js';
import { decisionRights, queueOrder } from './decision-rights.js';

const verdict = { outcome: 'Air freight', rationale: 'Sea misses G2', expectedImpact: 'EUR 4k' };
const at = '2026-03-04T09:00:00.000Z';

/** One decision as the server stores it and as the page receives it. */
function decision(status: Stored['status'], owner: PersonRef | null, over: Partial<Decision> = {}) {
  const stored: Stored = {
    id: 'd-1',
    programId: 'p-1',
    key: 'D-3',
    statement: 'Air freight the T2 samples?',
    context: '',
    options: '',
    ownerId: (owner?.id ?? null) as UserId | null,
    requestedById: other.id,
    dueDate: null,
    status,
    outcome: status === 'open' ? null : verdict.outcome,
    rationale: status === 'open' ? null : verdict.rationale,
    expectedImpact: status === 'open' ? null : verdict.expectedImpact,
    decidedAt: status === 'open' ? null : at,
    decidedById: status === 'open' ? null : ((owner?.id ?? null) as UserId | null),
    supersedesId: null,
    supersededById: status === 'superseded' ? 'd-2' : null,
    version: 2,
  };
  const shown: Decision = {
    ...stored,
    programCode: 'KHG-KW500',
    owner,
    requestedBy: other,
    isOverdue: false,
    flags: [],
    decidedBy: status === 'open' ? null : owner,
    supersedes: null,
    supersededBy: status === 'superseded' ? { id: 'd-2', key: 'D-4' } : null,
    links: [],
    warnings: [],
    ...over,
  };
  return { stored, shown };
}

const statuses = ['open', 'decided', 'superseded'] as const;
const owners = [me, other, null];

describe('decisionRights', () => {
  it('never offers what the server would refuse, for any role, owner and status', () => {
    for (const role of roles) {
      const { access, can } = roleAccess(role);
      const allowed = (action: 'decision.edit' | 'decision.decide', d: Stored) => permit(access, action, d, me.id).ok;
      for (const status of statuses) {
        for (const owner of owners) {
          const { stored, shown } = decision(status, owner);
          const rights = decisionRights(can, shown, me.id);
          const server = {
            edit: allowed('decision.edit', stored) && editDecision(stored, { statement: 'Reworded?' }).ok,
            decide: allowed('decision.decide', stored) && decide(stored, verdict, me.id, at).ok,
            supersede:
              allowed('decision.decide', stored) &&
              supersede(stored, { ...stored, id: 'd-9', key: 'D-9', requestedById: me.id }, verdict, 'Course change', me.id, at).ok,
          };
          // What the page offers is exactly what the server accepts.
          expect(rights, `${role}, owner ${owner?.name ?? 'none'}, ${status}`).toEqual(server);
        }
      }
    }
  });

  it('lets only the owner decide or supersede, and the cadence owner edit any open decision', () => {
    const owned = decision('open', me).shown;
    const theirs = decision('open', other).shown;
    expect(decisionRights(roleAccess('decision_owner').can, owned, me.id)).toEqual({ edit: true, decide: true, supersede: false });
    expect(decisionRights(roleAccess('decision_owner').can, theirs, me.id)).toEqual({ edit: false, decide: false, supersede: false });
    expect(decisionRights(roleAccess('cadence_owner').can, theirs, me.id)).toEqual({ edit: true, decide: false, supersede: false });
    expect(decisionRights(roleAccess('quality_owner').can, decision('decided', me).shown, me.id)).toEqual({
      edit: false,
      decide: false,
      supersede: true,
    });
  });
});

describe('useDecisionButtons', () => {
  it('names each button after the decision, in the order Decide, Supersede, Edit', () => {
    const buttons = callHook(useDecisionButtons);
    const d = decision('open', me).shown;
    expect(buttons(d, { edit: true, decide: true, supersede: false }).map((b) => [b.action, b.text, b.label])).toEqual([
      ['decide', 'Decide', 'Decide D-3'],
      ['edit', 'Edit', 'Edit D-3'],
    ]);
    expect(buttons(d, { edit: false, decide: false, supersede: false })).toEqual([]);
  });
});

describe('decision orders', () => {
  const d = (key: string, over: Partial<Decision>) => decision('open', me, { key, ...over }).shown;

  it('queues overdue decisions first, then by due date, undated last, keys in number order', () => {
    const queue = [
      d('D-10', { dueDate: null }),
      d('D-2', { dueDate: plainDate('2026-03-10') }),
      d('D-9', { dueDate: plainDate('2026-03-01'), isOverdue: true }),
      d('D-11', { dueDate: null }),
      d('D-1', { dueDate: plainDate('2026-03-06') }),
    ].sort(queueOrder);
    expect(queue.map((x) => x.key)).toEqual(['D-9', 'D-1', 'D-2', 'D-10', 'D-11']);
  });
});
