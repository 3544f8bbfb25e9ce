import { useMemo } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateClientSchema } from '../../../src/contract/setup.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { countryControl } from './country-control.js';
import { type Client, setupApi } from './setup-api.js';
import { TimeZoneField } from './time-zone-field.js';

interface Props {
  /** The client to edit; a new one when absent. */
  client?: Client | undefined;
  onClose: () => void;
  onSaved: (client: Client) => Promise<void> | void;
}

const shape = CreateClientSchema.shape;
/** The request as the form holds it: the zone from a select, contacts as rows. */
const clientForm = (countryText: string) =>
  z.object({
    name: shape.name,
    country: countryControl(countryText),
    timeZone: fromControl(shape.timeZone.unwrap()),
    contacts: shape.contacts.unwrap(),
  });
type Values = z.output<ReturnType<typeof clientForm>>;
const emptyContact = { name: '', role: '', email: '', phone: '' };

const sameContacts = (a: Values['contacts'], b: Client['contacts']) => JSON.stringify(a) === JSON.stringify(b);

/** Add a client, or edit one: name, country, time zone and its contacts. */
export function ClientDialog({ client, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => clientForm(t('setup.countryInvalid')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: client
      ? { name: client.name, country: client.country, timeZone: client.timeZone, contacts: client.contacts }
      : { name: '', country: '', timeZone: '', contacts: [] },
    required: {
      name: t('setup.clients.required.name'),
      country: t('setup.clients.required.country'),
      timeZone: t('setup.timeZone.required'),
      'contacts.name': t('setup.clients.required.contactName'),
    },
    isUnchanged: (v) =>
      client !== undefined &&
      v.name === client.name &&
      v.country === client.country &&
      v.timeZone === client.timeZone &&
      sameContacts(v.contacts, client.contacts),
    send: (v) => {
      if (!client) return setupApi.createClient(v);
      const body: Parameters<typeof setupApi.updateClient>[1] = { version: client.version };
      if (v.name !== client.name) body.name = v.name;
      if (v.country !== client.country) body.country = v.country;
      if (v.timeZone !== client.timeZone) body.timeZone = v.timeZone;
      if (!sameContacts(v.contacts, client.contacts)) body.contacts = v.contacts;
      return setupApi.updateClient(client.id, body);
    },
    onSaved,
    subject: client ? { key: client.name } : undefined,
  });
  const rows = useFieldArray({ control: form.methods.control, name: 'contacts' });

  return (
    <FormDialog
      title={client ? t('setup.clients.editTitle', { name: client.name }) : t('setup.clients.addTitle')}
      form={form}
      onClose={onClose}
      submitLabel={client ? t('common.save') : t('setup.clients.add')}
    >
      <TextField name="name" label={t('setup.clients.name')} isRequired />
      <div className="form__pair">
        <TextField name="country" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
        <TimeZoneField hint={t('setup.clients.timeZoneHint')} />
      </div>
      {rows.fields.map((r, i) => (
        <fieldset key={r.id} className="fieldset">
          <legend>{t('setup.clients.contactRow', { n: i + 1 })}</legend>
          <div className="form__pair">
            <TextField name={`contacts.${i}.name`} label={t('setup.clients.contactName')} isRequired />
            <TextField name={`contacts.${i}.role`} label={t('setup.clients.contactRole')} />
          </div>
          <div className="form__pair">
            <TextField name={`contacts.${i}.email`} label={t('setup.clients.contactEmail')} type="email" />
            <TextField name={`contacts.${i}.phone`} label={t('setup.clients.contactPhone')} />
          </div>
          <button type="button" className="button button--small button--secondary" onClick={() => rows.remove(i)}>
            {t('setup.clients.removeContact', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div>
        <button type="button" className="button button--secondary" onClick={() => rows.append(emptyContact)}>
          {t('setup.clients.addContact')}
        </button>
      </div>
    </FormDialog>
  );
}
