import { useTranslation } from 'react-i18next';
import { roles as allRoles } from '../../../src/domain/roles.js';
import { Field } from '../components/field.js';
import type { Role } from '../lib/api.js';
import { useClients, usePrograms } from '../lib/queries.js';
import type { ScopeValue } from './scope.js';

export const roles: readonly Role[] = allRoles;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

interface Props {
  /** Prefix of the two controls' ids: `${idPrefix}role` and `${idPrefix}scope`. */
  idPrefix: string;
  role: Role | '';
  scope: ScopeValue;
  onRole: (role: Role | '') => void;
  onScope: (scope: ScopeValue) => void;
  roleError?: string | undefined;
  scopeError?: string | undefined;
}

/** A role and where it holds: on a client (all its programs) or on one program. */
export function RoleFields({ idPrefix, role, scope, onRole, onScope, roleError, scopeError }: Props) {
  const { t } = useTranslation();
  const clients = useClients();
  const programs = usePrograms();
  return (
    <div className="form__pair">
      <Field id={`${idPrefix}role`} name="role" label={t('people.role')} error={roleError}>
        {(c) => (
          <select {...c} value={role} onChange={(e) => onRole(e.target.value as Role | '')}>
            <option value="">{t('people.chooseRole')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}scope`} name="scope" label={t('people.scope')} error={scopeError}>
        {(c) => (
          <select {...c} value={scope} onChange={(e) => onScope(e.target.value)}>
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
          </select>
        )}
      </Field>
    </div>
  );
}
