import type { Me } from '../lib/api.js';

/**
 * Leadership's home is the portfolio (admins, and people who only observe); everyone else
 * starts from "My week": what they must decide, do, confirm, review and deliver.
 */
export const isPortfolioHome = (me: Me): boolean =>
  me.isAdmin || (me.memberships.length > 0 && me.memberships.every((m) => m.role === 'observer'));
