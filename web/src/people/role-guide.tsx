import { useTranslation } from 'react-i18next';
import { roles } from './role-fields.js';

/** What each role may do on a program, one click away. */
export function RoleGuide() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('people.guide')}</summary>
      <ul className="legend__list">
        {roles.map((r) => (
          <li key={r}>
            <strong>{t(`roles.${r}`)}</strong>: {t(`roles.may.${r}`)}
          </li>
        ))}
        <li className="legend__note">{t('roles.may.admin')}</li>
      </ul>
    </details>
  );
}
