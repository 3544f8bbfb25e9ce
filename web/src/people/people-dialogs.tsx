import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { useRoleText } from '../components/use-role-text.js';
import { api } from '../lib/api.js';
import { AddRoleDialog } from './add-role-dialog.js';
import type { PersonAction } from './person-row.js';

interface Props {
  action: PersonAction | null;
  onClose: () => void;
  /** After a change, with the sentence that announces it. */
  onDone: (message: string) => Promise<void>;
}

/** The dialog for a person's row action: add a role, take one away, or remove the person. */
export function PeopleDialogs({ action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  if (!action) return null;
  const { person } = action;
  switch (action.kind) {
    case 'addRole':
      return (
        <AddRoleDialog
          person={person}
          onClose={onClose}
          onAdded={(m) => onDone(t('people.roleAdded', { role: roleText.membership(m), name: person.name }))}
        />
      );
    case 'revokeRole': {
      const role = roleText.membership(action.membership);
      return (
        <ConfirmDialog
          title={t('people.revokeRoleTitle', { role, name: person.name })}
          confirmLabel={t('people.revokeRoleConfirm')}
          onClose={onClose}
          onConfirm={async () => {
            await api.revokeRole(action.membership.id);
            await onDone(t('people.roleRevoked', { role, name: person.name }));
          }}
        >
          <p>{t('people.revokeRoleBody')}</p>
        </ConfirmDialog>
      );
    }
    case 'remove':
      return (
        <ConfirmDialog
          title={t('people.removeTitle', { name: person.name })}
          confirmLabel={t('people.removeConfirm')}
          onClose={onClose}
          onConfirm={async () => {
            await api.removePerson(person.id);
            await onDone(t('people.removed', { name: person.name }));
          }}
        >
          <p>{t('people.removeBody', { name: person.name })}</p>
        </ConfirmDialog>
      );
  }
}
