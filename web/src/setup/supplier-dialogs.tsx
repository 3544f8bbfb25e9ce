import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateFactorySchema, CreateSupplierSchema } from '../../../src/contract/setup.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { countryControl } from './country-control.js';
import { type Factory, type Supplier, setupApi } from './setup-api.js';
import { TimeZoneField } from './time-zone-field.js';

const supplierForm = (countryText: string) => z.object({ name: CreateSupplierSchema.shape.name, country: countryControl(countryText) });

/** Add a supplier (name and home country); its factories come next. */
export function AddSupplierDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (s: Supplier) => void | Promise<void> }) {
  const { t } = useTranslation();
  const schema = useMemo(() => supplierForm(t('setup.countryInvalid')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: { name: '', country: '' },
    required: { name: t('setup.suppliers.required.name'), country: t('setup.clients.required.country') },
    send: (v) => setupApi.createSupplier(v),
    onSaved,
  });
  return (
    <FormDialog title={t('setup.suppliers.addTitle')} form={form} onClose={onClose} submitLabel={t('setup.suppliers.add')}>
      <TextField name="name" label={t('setup.suppliers.name')} isRequired />
      <TextField name="country" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
    </FormDialog>
  );
}

const f = CreateFactorySchema.shape;
const factoryForm = (countryText: string) =>
  z.object({
    city: f.city,
    name: f.name.unwrap(),
    country: countryControl(countryText),
    timeZone: fromControl(f.timeZone),
  });

/** Add a factory to a supplier: its country and zone become new programs' calendar and time zone. */
export function AddFactoryDialog({
  supplier,
  onClose,
  onSaved,
}: {
  supplier: Supplier;
  onClose: () => void;
  onSaved: (f: Factory) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const schema = useMemo(() => factoryForm(t('setup.countryInvalid')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: { city: '', name: '', country: supplier.country, timeZone: '' },
    required: {
      city: t('setup.factories.required.city'),
      country: t('setup.clients.required.country'),
      timeZone: t('setup.timeZone.required'),
    },
    send: ({ name, ...v }) => setupApi.createFactory(supplier.id, name === '' ? v : { ...v, name }),
    onSaved,
  });
  return (
    <FormDialog
      title={t('setup.factories.addTitle', { supplier: supplier.name })}
      form={form}
      onClose={onClose}
      submitLabel={t('setup.factories.add')}
    >
      <TextField name="city" label={t('setup.factories.city')} isRequired />
      <TextField name="name" label={t('setup.factories.name')} hint={t('setup.factories.nameHint')} />
      <div className="form__pair">
        <TextField name="country" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
        <TimeZoneField hint={t('setup.factories.timeZoneHint')} />
      </div>
    </FormDialog>
  );
}
