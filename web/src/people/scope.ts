import type { Role, RoleGrant } from '../lib/api.js';

/** A scope select's value: `client:<id>` (every program of the client) or `program:<id>`. */
export type ScopeValue = string;

export function toGrant(role: Role, scope: ScopeValue): RoleGrant | null {
  const [kind, id] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  if (!id) return null;
  if (kind === 'client') return { role, clientId: id };
  if (kind === 'program') return { role, programId: id };
  return null;
}

/** "roles.2.clientId" → "roles.2.scope": the server names the id, the form has one scope select. */
export const scopeFieldOf = (path: string): string => path.replace(/\.(clientId|programId)$/, '.scope');
