import { useTranslation } from 'react-i18next';
import { roles as allRoles } from '../../../src/domain/roles.js';
import { SelectField } from '../forms/select-field.js';
import type { Role } from '../lib/api.js';
import { useClients, usePrograms } from '../lib/queries.js';

export const roles: readonly Role[] = allRoles;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** A role and where it holds: on a client (all its programs) or on one program; fields `${prefix}role` and `${prefix}scope`. */
export function RoleFields({ prefix = '' }: { prefix?: string }) {
  const { t } = useTranslation();
  const clients = useClients();
  const programs = usePrograms();
  return (
    <div className="form__pair">
      <SelectField name={`${prefix}role`} label={t('people.role')}>
        <option value="">{t('people.chooseRole')}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name={`${prefix}scope`} label={t('people.scope')}>
        <option value="">{t('people.chooseScope')}</option>
        <optgroup label={t('people.clientsGroup')}>
          {clients.data?.items.map((cl) => (
            <option key={cl.id} value={`client:${cl.id}`}>
              {t('roles.clientScope', { client: cl.name })}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('people.programsGroup')}>
          {[...(programs.data?.items ?? [])].sort(byCode).map((p) => (
            <option key={p.id} value={`program:${p.id}`}>
              {t('people.programOption', { code: p.code, name: p.name })}
            </option>
          ))}
        </optgroup>
      </SelectField>
    </div>
  );
}
