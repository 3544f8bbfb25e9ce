import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CreateFactorySchema, CreateSupplierSchema, UpdateFactorySchema } from '../../../src/contract/setup.js';
import { FormDialog } from '../forms/form-dialog.js';
import { fromControl } from '../forms/form-values.js';
import { problemText } from '../forms/problem-text.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { countryControl } from './country-control.js';
import { type Factory, type Supplier, setupApi } from './setup-api.js';
import { TimeZoneField } from './time-zone-field.js';

const supplierForm = (countryText: string) => z.object({ name: CreateSupplierSchema.shape.name, country: countryControl(countryText) });

interface SupplierProps {
  /** The supplier to edit; a new one when absent. */
  supplier?: Supplier | undefined;
  onClose: () => void;
  onSaved: (s: Supplier) => void | Promise<void>;
}

/** Add a supplier (name and home country; its factories come next), or rename one (admins). */
export function SupplierDialog({ supplier, onClose, onSaved }: SupplierProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => supplierForm(t('setup.countryInvalid')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: supplier ? { name: supplier.name, country: supplier.country } : { name: '', country: '' },
    required: { name: t('setup.suppliers.required.name'), country: t('setup.clients.required.country') },
    isUnchanged: (v) => supplier !== undefined && v.name === supplier.name && v.country === supplier.country,
    send: (v) => {
      if (!supplier) return setupApi.createSupplier(v);
      const body: Parameters<typeof setupApi.updateSupplier>[1] = { version: supplier.version };
      if (v.name !== supplier.name) body.name = v.name;
      if (v.country !== supplier.country) body.country = v.country;
      return setupApi.updateSupplier(supplier.id, body);
    },
    onSaved,
    subject: supplier ? { key: supplier.name } : undefined,
  });
  return (
    <FormDialog
      title={supplier ? t('setup.suppliers.editTitle', { name: supplier.name }) : t('setup.suppliers.addTitle')}
      form={form}
      onClose={onClose}
      submitLabel={supplier ? t('common.save') : t('setup.suppliers.add')}
    >
      {supplier && <p className="form__context">{t('setup.suppliers.editIntro')}</p>}
      <TextField name="name" label={t('setup.suppliers.name')} isRequired />
      <TextField name="country" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
    </FormDialog>
  );
}

const f = CreateFactorySchema.shape;
/** A new factory's name may be left empty (the city is used); an edited one keeps a name. */
const factoryForm = (countryText: string, isEdit: boolean) =>
  z.object({
    city: f.city,
    name: isEdit ? UpdateFactorySchema.shape.name.unwrap() : f.name.unwrap(),
    country: countryControl(countryText),
    timeZone: fromControl(f.timeZone),
  });

interface FactoryProps {
  supplier: Supplier;
  /** The factory to edit; a new one of the supplier when absent. */
  factory?: Factory | undefined;
  onClose: () => void;
  onSaved: (f: Factory) => void | Promise<void>;
}

/** Add a factory to a supplier, or edit one (admins): its country and zone become new programs' calendar and time zone. */
export function FactoryDialog({ supplier, factory, onClose, onSaved }: FactoryProps) {
  const { t } = useTranslation();
  const isEdit = factory !== undefined;
  const schema = useMemo(() => factoryForm(t('setup.countryInvalid'), isEdit), [t, isEdit]);
  const form = useFormMutation({
    schema,
    defaultValues: factory
      ? { city: factory.city, name: factory.name, country: factory.country, timeZone: factory.timeZone }
      : { city: '', name: '', country: supplier.country, timeZone: '' },
    required: {
      city: t('setup.factories.required.city'),
      name: t('setup.factories.required.name'),
      country: t('setup.clients.required.country'),
      timeZone: t('setup.timeZone.required'),
    },
    isUnchanged: (v) =>
      factory !== undefined &&
      v.city === factory.city &&
      v.name === factory.name &&
      v.country === factory.country &&
      v.timeZone === factory.timeZone,
    send: ({ name, ...v }) => {
      if (!factory) return setupApi.createFactory(supplier.id, name === '' ? v : { ...v, name });
      const body: Parameters<typeof setupApi.updateFactory>[1] = { version: factory.version };
      if (name !== factory.name) body.name = name;
      if (v.city !== factory.city) body.city = v.city;
      if (v.country !== factory.country) body.country = v.country;
      if (v.timeZone !== factory.timeZone) body.timeZone = v.timeZone;
      return setupApi.updateFactory(factory.id, body);
    },
    // Why a place is fixed (programs are made there) is the message on top; the fields say which.
    messageFor: (e) => (e.code === 'FACTORY_IN_USE' ? problemText(t, e) : null),
    onSaved,
    subject: factory ? { key: factory.name } : undefined,
  });
  return (
    <FormDialog
      title={
        factory
          ? t('setup.factories.editTitle', { name: factory.name, supplier: supplier.name })
          : t('setup.factories.addTitle', { supplier: supplier.name })
      }
      form={form}
      onClose={onClose}
      submitLabel={factory ? t('common.save') : t('setup.factories.add')}
    >
      {factory && <p className="form__context">{t('setup.factories.editIntro')}</p>}
      <TextField name="city" label={t('setup.factories.city')} isRequired />
      <TextField
        name="name"
        label={t('setup.factories.name')}
        hint={isEdit ? undefined : t('setup.factories.nameHint')}
        isRequired={isEdit}
      />
      <div className="form__pair">
        <TextField name="country" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
        <TimeZoneField hint={t('setup.factories.timeZoneHint')} />
      </div>
    </FormDialog>
  );
}
