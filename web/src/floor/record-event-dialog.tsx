import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RecordInspectionSchema, RecordMeasurementSchema, RecordShipmentSchema } from '../../../src/contract/floor-event.js';
import { defectClasses } from '../../../src/domain/floor/floor-event.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { blankAsNull, numberOrNull } from '../forms/form-values.js';
import { ChoiceOptions, SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { type FloorEvent, floorApi, invalidateFloor } from './floor-api.js';

export type FloorEventKind = 'shipment' | 'inspection' | 'measurement';

interface Props {
  programId: string;
  kind: FloorEventKind;
  onClose: () => void;
  onSaved: (e: FloorEvent) => void;
}

const levels = RecordInspectionSchema.shape.level.options;
const optionalDate = blankAsNull(RecordShipmentSchema.shape.shippedOn.unwrap());
const occurredOn = blankAsNull(RecordShipmentSchema.shape.occurredOn.unwrap().nullable());

const ShipmentForm = RecordShipmentSchema.pick({ title: true, expectedOn: true }).extend({
  occurredOn,
  shippedOn: optionalDate,
  arrivedOn: optionalDate,
});

const classShape = RecordInspectionSchema.shape.major.unwrap().shape;
const InspectionForm = RecordInspectionSchema.pick({ title: true, level: true })
  .extend({
    occurredOn,
    lotRef: RecordInspectionSchema.shape.lotRef.unwrap(),
    lotSize: numberOrNull(RecordInspectionSchema.shape.lotSize),
    criticalAql: numberOrNull(classShape.aql.nullable()),
    criticalFound: numberOrNull(classShape.defectsFound.nullable()),
    majorAql: numberOrNull(classShape.aql.nullable()),
    majorFound: numberOrNull(classShape.defectsFound.nullable()),
    minorAql: numberOrNull(classShape.aql.nullable()),
    minorFound: numberOrNull(classShape.defectsFound.nullable()),
  })
  .superRefine((v, ctx) => {
    for (const c of defectClasses) {
      const aql = v[`${c}Aql`];
      const found = v[`${c}Found`];
      if (aql !== null && found === null) ctx.addIssue({ code: 'custom', path: [`${c}Found`], message: 'found', input: null });
      if (aql === null && found !== null) ctx.addIssue({ code: 'custom', path: [`${c}Aql`], message: 'aql', input: null });
    }
    if (defectClasses.every((c) => v[`${c}Aql`] === null))
      ctx.addIssue({ code: 'custom', path: ['majorAql'], message: 'oneClass', input: null });
  });

const m = RecordMeasurementSchema.shape;
/** Values typed as one text: numbers separated by spaces, commas, semicolons or new lines. */
const valuesText = z
  .string()
  .transform((s) =>
    s
      .split(/[\s,;]+/)
      .filter((v) => v !== '')
      .map(Number),
  )
  .pipe(m.values);
const MeasurementForm = RecordMeasurementSchema.pick({ title: true, characteristic: true }).extend({
  occurredOn,
  unit: m.unit.unwrap(),
  nominal: numberOrNull(m.nominal),
  lowerLimit: numberOrNull(m.lowerLimit.unwrap()),
  upperLimit: numberOrNull(m.upperLimit.unwrap()),
  values: valuesText,
});

/** The server names a class's fields as major.aql; the form as majorAql. */
const fieldOf = (path: string): string => {
  const [head, tail] = path.split('.');
  if (head && (defectClasses as readonly string[]).includes(head)) return `${head}${tail === 'defectsFound' ? 'Found' : 'Aql'}`;
  return head ?? path;
};

const asOptional = <T,>(v: T | null): T | undefined => (v === null ? undefined : v);

function ShipmentDialog({ programId, onClose, onSaved }: Omit<Props, 'kind'>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: ShipmentForm,
    defaultValues: { title: '', expectedOn: '', occurredOn: '', shippedOn: '', arrivedOn: '' },
    required: { title: t('floor.form.required.title'), expectedOn: t('floor.form.required.expectedOn') },
    send: (v) => floorApi.record(programId, { kind: 'shipment', ...v, occurredOn: asOptional(v.occurredOn) }),
    onSaved,
    refresh: () => invalidateFloor(client, programId),
    fieldOf,
  });
  return (
    <FormDialog title={t('floor.form.shipmentTitle')} form={form} onClose={onClose}>
      <TextField name="title" label={t('floor.form.whatShipped')} isRequired />
      <DateField name="expectedOn" label={t('floor.form.expectedOn')} isRequired />
      <div className="form__pair">
        <DateField name="shippedOn" label={t('floor.form.shippedOn')} />
        <DateField name="arrivedOn" label={t('floor.form.arrivedOn')} />
      </div>
      <DateField name="occurredOn" label={t('floor.form.occurredOn')} hint={t('floor.form.occurredOnHint')} />
    </FormDialog>
  );
}

function InspectionDialog({ programId, onClose, onSaved }: Omit<Props, 'kind'>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: InspectionForm,
    defaultValues: {
      title: '',
      occurredOn: '',
      lotRef: '',
      lotSize: '',
      level: 'II',
      criticalAql: '',
      criticalFound: '',
      majorAql: '',
      majorFound: '',
      minorAql: '',
      minorFound: '',
    },
    required: {
      title: t('floor.form.required.title'),
      lotSize: t('floor.form.required.lotSize'),
      ...Object.fromEntries(
        defectClasses.flatMap((c) => [
          [`${c}Aql`, t('floor.form.required.aql')],
          [`${c}Found`, t('floor.form.required.found')],
        ]),
      ),
    },
    send: (v) => {
      const cls = (aql: number | null, found: number | null) => (aql === null || found === null ? undefined : { aql, defectsFound: found });
      return floorApi.record(programId, {
        kind: 'inspection',
        title: v.title,
        occurredOn: asOptional(v.occurredOn),
        lotRef: v.lotRef,
        lotSize: v.lotSize,
        level: v.level,
        critical: cls(v.criticalAql, v.criticalFound),
        major: cls(v.majorAql, v.majorFound),
        minor: cls(v.minorAql, v.minorFound),
      });
    },
    onSaved,
    refresh: () => invalidateFloor(client, programId),
    fieldOf,
  });
  return (
    <FormDialog title={t('floor.form.inspectionTitle')} form={form} onClose={onClose}>
      <TextField name="title" label={t('floor.form.whatInspected')} isRequired />
      <div className="form__pair">
        <TextField name="lotRef" label={t('floor.form.lotRef')} />
        <TextField name="lotSize" label={t('floor.form.lotSize')} isRequired />
      </div>
      <SelectField name="level" label={t('floor.form.level')} hint={t('floor.form.levelHint')}>
        <ChoiceOptions choices={levels} labelOf={(l) => t(`floor.level.${l}`)} />
      </SelectField>
      <fieldset className="form__group">
        <legend>{t('floor.form.classes')}</legend>
        <p className="field__hint">{t('floor.form.classesHint')}</p>
        {defectClasses.map((c) => (
          <div key={c} className="form__pair">
            <TextField name={`${c}Aql`} label={t('floor.form.aqlOf', { class: t(`floor.class.${c}`) })} />
            <TextField name={`${c}Found`} label={t('floor.form.foundOf', { class: t(`floor.class.${c}`) })} />
          </div>
        ))}
      </fieldset>
      <DateField name="occurredOn" label={t('floor.form.occurredOn')} hint={t('floor.form.occurredOnHint')} />
    </FormDialog>
  );
}

function MeasurementDialog({ programId, onClose, onSaved }: Omit<Props, 'kind'>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormMutation({
    schema: MeasurementForm,
    defaultValues: { title: '', characteristic: '', occurredOn: '', unit: '', nominal: '', lowerLimit: '', upperLimit: '', values: '' },
    required: {
      title: t('floor.form.required.title'),
      characteristic: t('floor.form.required.characteristic'),
      nominal: t('floor.form.required.nominal'),
    },
    send: (v) =>
      floorApi.record(programId, {
        kind: 'measurement',
        ...v,
        occurredOn: asOptional(v.occurredOn),
        nominal: v.nominal,
        lowerLimit: v.lowerLimit,
        upperLimit: v.upperLimit,
      }),
    onSaved,
    refresh: () => invalidateFloor(client, programId),
    fieldOf: (path) => (path.startsWith('values') ? 'values' : fieldOf(path)),
  });
  return (
    <FormDialog title={t('floor.form.measurementTitle')} form={form} onClose={onClose}>
      <TextField name="title" label={t('floor.form.whatMeasured')} isRequired />
      <div className="form__pair">
        <TextField name="characteristic" label={t('floor.form.characteristic')} isRequired />
        <TextField name="unit" label={t('floor.form.unit')} />
      </div>
      <div className="form__pair">
        <TextField name="nominal" label={t('floor.form.nominal')} isRequired />
        <TextField name="lowerLimit" label={t('floor.form.lowerLimit')} />
        <TextField name="upperLimit" label={t('floor.form.upperLimit')} />
      </div>
      <TextField name="values" label={t('floor.form.values')} hint={t('floor.form.valuesHint')} rows={3} isRequired />
      <DateField name="occurredOn" label={t('floor.form.occurredOn')} hint={t('floor.form.occurredOnHint')} />
    </FormDialog>
  );
}

/** Report a floor event of one kind, checked with the contract's schema before anything is sent. */
export function RecordEventDialog({ kind, ...props }: Props) {
  if (kind === 'shipment') return <ShipmentDialog {...props} />;
  if (kind === 'inspection') return <InspectionDialog {...props} />;
  return <MeasurementDialog {...props} />;
}
