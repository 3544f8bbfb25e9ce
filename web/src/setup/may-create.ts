import type { Me } from '../lib/api.js';

/** Admins, and people who hold the cadence owner role on a client, may create programs. */
export const mayCreatePrograms = (me: Me): boolean =>
  me.isAdmin || me.memberships.some((m) => m.role === 'cadence_owner' && m.clientId !== null);
