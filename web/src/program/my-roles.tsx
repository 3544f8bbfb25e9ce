import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { useCurrentUser } from '../auth/session.js';
import { useRoleText } from '../components/use-role-text.js';
import { formatList } from '../lib/format.js';
import { readOnly } from '../lib/permissions.js';

/** "You: cadence owner" — why the page offers the controls it does. */
export function MyRoles({ program: p }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roleText = useRoleText();
  const roles = p.myRoles.length > 0 ? formatList(p.myRoles.map(roleText.role)) : me.isAdmin ? t('program.youAdmin') : t('program.youNone');
  return (
    <span className="my-roles" title={t('program.youHint')}>
      {t('program.you', { roles })}
      {readOnly(p.can) && <span className="muted"> {t('program.readOnly')}</span>}
    </span>
  );
}
