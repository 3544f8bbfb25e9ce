import { type Can, may } from '../lib/permissions.js';
import type { Risk } from '../lib/records-api.js';

export interface RiskRights {
  update: boolean;
  end: boolean;
}

export const isLive = (r: Risk): boolean => r.status === 'open' || r.status === 'mitigating';

/** What the signed-in person may do to one risk; an ended (closed or realized) risk no longer changes. */
export const riskRights = (can: Can, r: Risk, meId: string): RiskRights => ({
  update: isLive(r) && may(can, 'risk.update', r.owner, meId),
  end: isLive(r) && may(can, 'risk.end', r.owner, meId),
});

export const noRiskRights: RiskRights = { update: false, end: false };

/** Live risks first, the highest score first; ended ones after. */
export function registerOrder(a: Risk, b: Risk): number {
  return Number(isLive(b)) - Number(isLive(a)) || b.score - a.score || a.key.localeCompare(b.key, 'en', { numeric: true });
}
