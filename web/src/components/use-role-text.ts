import { useTranslation } from 'react-i18next';
import type { Membership, Role } from '../lib/api.js';

/** Roles in words: "cadence owner · Northwind Outdoor Co. (all programs)", "contributor · KHG-KW500". */
export function useRoleText() {
  const { t } = useTranslation();
  const role = (r: Role): string => t(`roles.${r}`);
  const scope = (m: Membership): string =>
    m.clientName !== null ? t('roles.clientScope', { client: m.clientName }) : (m.programCode ?? m.programId ?? '');
  const membership = (m: Membership): string => t('roles.membership', { role: role(m.role), scope: scope(m) });
  return { role, scope, membership };
}
