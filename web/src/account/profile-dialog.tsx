import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { UpdateMeSchema } from '../../../src/contract/auth.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { api, type Me, type UpdateMeBody } from '../lib/api.js';
import { isKnownTimeZone } from '../lib/format.js';
import { queryKeys } from '../lib/queries.js';
import { TimeZoneField } from '../setup/time-zone-field.js';

interface Props {
  me: Me;
  onClose: () => void;
  onSaved: (me: Me) => Promise<void> | void;
}

const shape = UpdateMeSchema.shape;
/** The request as the form holds it: the zone from a select. */
const ProfileForm = z.object({ name: shape.name.unwrap(), timeZone: fromControl(shape.timeZone.unwrap()) });

/** Change one's own name and time zone; only what changed is sent, with the version read. */
export function ProfileDialog({ me, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const form = useFormMutation({
    schema: ProfileForm,
    // A zone this browser does not know cannot be shown in its list: the person chooses again.
    defaultValues: { name: me.name, timeZone: isKnownTimeZone(me.timeZone) ? me.timeZone : '' },
    required: { name: t('account.required.name'), timeZone: t('setup.timeZone.required') },
    isUnchanged: (v) => v.name === me.name && v.timeZone === me.timeZone,
    send: (v) => {
      const body: UpdateMeBody = { version: me.version };
      if (v.name !== me.name) body.name = v.name;
      if (v.timeZone !== me.timeZone) body.timeZone = v.timeZone;
      return api.updateMe(body);
    },
    onSaved,
    // Changed elsewhere (another tab, the CLI): read the account again, then a second save goes through.
    onConflict: () => void cache.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
    subject: { key: me.name },
  });

  return (
    <FormDialog title={t('account.editTitle')} form={form} onClose={onClose}>
      <TextField name="name" label={t('account.name')} autoComplete="name" isRequired />
      <TimeZoneField label={t('account.timeZone')} hint={t('account.timeZoneHint')} />
    </FormDialog>
  );
}
