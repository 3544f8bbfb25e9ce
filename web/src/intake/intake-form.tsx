import { useEffect, useMemo, useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type IntakeSubmission, IntakeSubmissionSchema, intakeLimits } from '../../../src/contract/intake.js';
import { DateField } from '../forms/date-field.js';
import { blankAsNull, fromControl, numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { countryControl } from '../setup/country-control.js';
import { TimeZoneField } from '../setup/time-zone-field.js';
import type { IntakeForm, IntakeReceipt } from './intake-api.js';

const shape = IntakeSubmissionSchema.shape;
const phases = ['G1', 'G2', 'G3', 'G4'] as const;
const ppapLevels = ['1', '2', '3', '4', '5'] as const;

/** The submission as the form holds it: controls' text, risks as rows of one text each. */
const intakeFormSchema = (countryText: string) =>
  z.object({
    product: shape.product,
    name: shape.name,
    supplierName: shape.supplierName,
    factoryCity: shape.factoryCity,
    factoryCountry: countryControl(countryText),
    timeZone: fromControl(shape.timeZone),
    targetReleaseDate: blankAsNull(shape.targetReleaseDate.unwrap()),
    currentPhase: fromControl(shape.currentPhase.unwrap()),
    knownRisks: z.array(z.object({ text: shape.knownRisks.unwrap().element })).max(intakeLimits.risks),
    contacts: shape.contacts.unwrap(),
    templateId: fromControl(shape.templateId.unwrap()),
    ppapLevel: numberOrNull(shape.ppapLevel.unwrap()),
    note: shape.note.unwrap(),
  });

const emptyContact = { name: '', role: '', email: '', phone: '' };

interface Props {
  form: IntakeForm;
  send: (body: IntakeSubmission) => Promise<IntakeReceipt>;
  onSubmitted: (receipt: IntakeReceipt) => void;
}

/**
 * What a cadence owner needs to start a program, asked of the client: product, supplier and factory,
 * target release, current phase, known risks, contacts, template. Checked with the contract's schema
 * before it is sent; the server's refusals land on their fields.
 */
export function IntakeSubmitForm({ form: offer, send, onSubmitted }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => intakeFormSchema(t('setup.countryInvalid')), [t]);
  const form = useFormMutation({
    schema,
    defaultValues: {
      product: '',
      name: '',
      supplierName: '',
      factoryCity: '',
      factoryCountry: '',
      timeZone: '',
      targetReleaseDate: '',
      currentPhase: 'G1',
      knownRisks: [],
      contacts: [emptyContact],
      templateId: offer.templates[0]?.id ?? 'default-4-gate',
      ppapLevel: '',
      note: '',
    },
    required: {
      product: t('intake.required.product'),
      name: t('intake.required.name'),
      supplierName: t('intake.required.supplierName'),
      factoryCity: t('intake.required.factoryCity'),
      factoryCountry: t('intake.required.factoryCountry'),
      timeZone: t('setup.timeZone.required'),
      'knownRisks.text': t('intake.required.risk'),
      'contacts.name': t('intake.required.contactName'),
    },
    fieldOf: (path) => (/^knownRisks\.\d+$/.test(path) ? `${path}.text` : path),
    send: (v) => {
      const template = offer.templates.find((x) => x.id === v.templateId);
      return send({
        ...v,
        knownRisks: v.knownRisks.map((r) => r.text),
        ppapLevel: template?.ppapLevel ? (v.ppapLevel ?? template.ppapLevel) : null,
      });
    },
    onSaved: onSubmitted,
  });
  const risks = useFieldArray({ control: form.methods.control, name: 'knownRisks' });
  const contacts = useFieldArray({ control: form.methods.control, name: 'contacts' });
  const templateId = useWatch({ control: form.methods.control, name: 'templateId' });
  const template = offer.templates.find((x) => x.id === templateId);

  return (
    <MutationForm
      form={form}
      className="panel intake-form"
      problemTitle={t('intake.problemTitle')}
      submitLabel={t('intake.submit')}
      pendingLabel={t('intake.pending')}
    >
      <fieldset className="fieldset">
        <legend>{t('intake.productLegend')}</legend>
        <TextField name="product" label={t('intake.product')} hint={t('intake.productHint')} isRequired />
        <TextField name="name" label={t('intake.name')} hint={t('intake.nameHint')} isRequired />
        <div className="form__pair">
          <SelectField name="currentPhase" label={t('intake.currentPhase')} hint={t('intake.currentPhaseHint')}>
            {phases.map((p) => (
              <option key={p} value={p}>
                {t(`intake.phase.${p}`)}
              </option>
            ))}
          </SelectField>
          <DateField name="targetReleaseDate" label={t('intake.targetRelease')} hint={t('intake.targetReleaseHint')} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('intake.factoryLegend')}</legend>
        <TextField name="supplierName" label={t('intake.supplierName')} isRequired />
        <div className="form__pair">
          <TextField name="factoryCity" label={t('intake.factoryCity')} isRequired />
          <TextField name="factoryCountry" label={t('setup.country')} hint={t('setup.countryHint')} isRequired />
        </div>
        <TimeZoneField hint={t('intake.timeZoneHint')} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('intake.templateLegend')}</legend>
        <SelectField name="templateId" label={t('intake.template')}>
          {offer.templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        {template && <p className="muted">{template.description}</p>}
        {template?.ppapLevel != null && (
          <SelectField name="ppapLevel" label={t('intake.ppapLevel')} hint={t('intake.ppapLevelHint', { level: template.ppapLevel })}>
            <option value="">{t('intake.ppapDefault', { level: template.ppapLevel })}</option>
            {ppapLevels.map((l) => (
              <option key={l} value={l}>
                {t('intake.ppapOption', { level: l })}
              </option>
            ))}
          </SelectField>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('intake.risksLegend')}</legend>
        <p className="muted">{t('intake.risksHint', { count: offer.limits.risks })}</p>
        {risks.fields.map((r, i) => (
          <div key={r.id} className="intake-form__row">
            <TextField name={`knownRisks.${i}.text`} label={t('intake.risk', { n: i + 1 })} isRequired />
            <button type="button" className="button button--small button--secondary" onClick={() => risks.remove(i)}>
              {t('intake.removeRisk', { n: i + 1 })}
            </button>
          </div>
        ))}
        {risks.fields.length < offer.limits.risks && (
          <div>
            <button type="button" className="button button--secondary" onClick={() => risks.append({ text: '' })}>
              {t('intake.addRisk')}
            </button>
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('intake.contactsLegend')}</legend>
        <p className="muted">{t('intake.contactsHint')}</p>
        {contacts.fields.map((r, i) => (
          <fieldset key={r.id} className="fieldset">
            <legend>{t('intake.contactRow', { n: i + 1 })}</legend>
            <div className="form__pair">
              <TextField
                name={`contacts.${i}.name`}
                label={t('setup.clients.contactName')}
                autoComplete={i === 0 ? 'name' : 'off'}
                isRequired
              />
              <TextField name={`contacts.${i}.role`} label={t('setup.clients.contactRole')} />
            </div>
            <div className="form__pair">
              <TextField
                name={`contacts.${i}.email`}
                label={t('setup.clients.contactEmail')}
                type="email"
                autoComplete={i === 0 ? 'email' : 'off'}
              />
              <TextField name={`contacts.${i}.phone`} label={t('setup.clients.contactPhone')} autoComplete={i === 0 ? 'tel' : 'off'} />
            </div>
            <button type="button" className="button button--small button--secondary" onClick={() => contacts.remove(i)}>
              {t('intake.removeContact', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {contacts.fields.length < offer.limits.contacts && (
          <div>
            <button type="button" className="button button--secondary" onClick={() => contacts.append(emptyContact)}>
              {t('intake.addContact')}
            </button>
          </div>
        )}
      </fieldset>
      <TextField name="note" label={t('intake.note')} hint={t('intake.noteHint')} rows={5} />
    </MutationForm>
  );
}

/** After a submission: the reference to quote, and what happens next. */
export function IntakeThanks({ receipt, onAnother }: { receipt: IntakeReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form it replaces had the focus: it moves to the news, so a screen reader reads it out.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby="intake-thanks">
      <h2 id="intake-thanks" ref={heading} tabIndex={-1}>
        {t('intake.thanks.title')}
      </h2>
      <p>{t('intake.thanks.reference', { client: receipt.clientName })}</p>
      <p className="intake-reference">
        <strong>{receipt.reference}</strong>
      </p>
      <p>{t('intake.thanks.next', { name: receipt.programName })}</p>
      <button type="button" className="button button--secondary" onClick={onAnother}>
        {t('intake.thanks.another')}
      </button>
    </section>
  );
}
