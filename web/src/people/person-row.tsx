import { useTranslation } from 'react-i18next';
import { Gap } from '../components/gap.js';
import { useRoleText } from '../components/use-role-text.js';
import type { Membership, Person } from '../lib/api.js';

export type PersonAction =
  | { kind: 'addRole'; person: Person }
  | { kind: 'remove'; person: Person }
  | { kind: 'revokeRole'; person: Person; membership: Membership };

interface Props {
  person: Person;
  isMe: boolean;
  onAction: (action: PersonAction) => void;
}

export function PersonRow({ person: p, isMe, onAction }: Props) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const removed = p.status === 'removed';
  return (
    <tr className={removed ? 'person-row person-row--removed' : 'person-row'}>
      <th scope="row" className="cell-name">
        {p.name} {isMe && <span className="muted">{t('people.you')}</span>}
      </th>
      <td data-label={t('people.col.email')}>{p.email}</td>
      <td data-label={t('people.col.status')}>
        <span className={`status status--${p.status}`}>{t(`people.status.${p.status}`)}</span>
      </td>
      <td data-label={t('people.col.admin')}>{p.isAdmin ? t('people.adminYes') : <span className="muted">{t('people.adminNo')}</span>}</td>
      <td data-label={t('people.col.roles')} className="cell-roles">
        {p.memberships.length === 0 ? (
          <Gap>{t('people.noRoles')}</Gap>
        ) : (
          <ul className="role-list">
            {p.memberships.map((m) => (
              <li key={m.id}>
                <span>{roleText.membership(m)}</span>
                {!removed && (
                  <button
                    type="button"
                    className="button button--small button--link"
                    aria-label={t('people.revokeRoleLabel', { role: roleText.membership(m), name: p.name })}
                    onClick={() => onAction({ kind: 'revokeRole', person: p, membership: m })}
                  >
                    {t('people.revokeRole')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="col-actions">
        {!removed && (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={t('people.addRoleLabel', { name: p.name })}
              onClick={() => onAction({ kind: 'addRole', person: p })}
            >
              {t('people.addRole')}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={t('people.removeLabel', { name: p.name })}
              onClick={() => onAction({ kind: 'remove', person: p })}
            >
              {t('people.remove')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
