import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/contract/common.js';
import type { UserId } from '../../../src/domain/ids.js';
import { permit } from '../../../src/domain/policy.js';
import { endRisk, riskBand, riskScore, riskStatuses, type Risk as Stored, updateRisk } from '../../../src/domain/risk.js';
import { roles } from '../../../src/domain/roles.js';
import { callHook } from '../i18n/test-render.js';
import type { Risk } from '../lib/records-api.js';
import { me, other, roleAccess } from '../lib/test-roles.js';
import { useRiskButtons } from './risk-buttons.js';
import { registerOrder, riskRights } from './risk-rights.js';

/** One risk as the server stores it and as the page receives it. */
function risk(status: Stored['status'], owner: PersonRef | null, over: Partial<Stored> = {}) {
  const stored: Stored = {
    id: 'r-1',
    programId: 'p-1',
    key: 'R-2',
    title: 'Resin price spike',
    description: '',
    ownerId: (owner?.id ?? null) as UserId | null,
    category: 'supply',
    likelihood: 3,
    impact: 4,
    earlyWarning: '',
    strategy: 'mitigate',
    mitigation: '',
    residualLikelihood: null,
    residualImpact: null,
    reviewDate: null,
    status,
    version: 3,
    ...over,
  };
  const score = riskScore(stored.likelihood, stored.impact);
  const shown: Risk = {
    ...stored,
    programCode: 'KHG-KW500',
    owner,
    score,
    band: riskBand(score),
    residualScore: null,
    isReviewDue: false,
    flags: [],
    actions: [],
  };
  return { stored, shown };
}

describe('riskRights', () => {
  it('offers Update and End exactly when the server would accept them, for any role, owner and status', () => {
    for (const role of roles) {
      const { access, can } = roleAccess(role);
      for (const status of riskStatuses) {
        for (const owner of [me, other, null]) {
          const { stored, shown } = risk(status, owner);
          const may = (action: 'risk.update' | 'risk.end' | 'action.open') => permit(access, action, stored, me.id).ok;
          const rights = riskRights(can, shown, me.id);
          const canClose = may('risk.end') && endRisk(stored, 'closed', 'It passed').ok;
          const where = `${role}, owner ${owner?.name ?? 'none'}, ${status}`;
          expect(rights, where).toEqual({
            update: may('risk.update') && updateRisk(stored, { impact: 5 }, 'Worse').ok,
            end: canClose,
          });
          // End offers Realize too, which also opens the responding action.
          if (rights.end) expect(may('action.open') && endRisk(stored, 'realized', 'It happened').ok, where).toBe(true);
        }
      }
    }
  });
});

describe('useRiskButtons', () => {
  it('gives Close and Realize together with the right to end a risk, named after it', () => {
    const buttons = callHook(useRiskButtons);
    const { shown } = risk('open', me);
    expect(buttons(shown, { update: false, end: true }).map((b) => [b.action, b.label])).toEqual([
      ['close', 'Close R-2'],
      ['realize', 'Mark R-2 realized'],
    ]);
    expect(buttons(shown, { update: true, end: false }).map((b) => b.action)).toEqual(['update']);
  });
});

describe('registerOrder', () => {
  it('lists live risks by score, highest first, then the ended ones, keys in number order', () => {
    const r = (key: string, status: Stored['status'], likelihood: number, impact: number) =>
      risk(status, me, { key, likelihood, impact }).shown;
    const sorted = [
      r('R-1', 'closed', 5, 5),
      r('R-2', 'open', 2, 2),
      r('R-10', 'mitigating', 4, 4),
      r('R-3', 'open', 4, 4),
      r('R-4', 'realized', 1, 1),
    ].sort(registerOrder);
    expect(sorted.map((x) => x.key)).toEqual(['R-3', 'R-10', 'R-2', 'R-1', 'R-4']);
  });
});
