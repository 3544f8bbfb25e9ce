import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InspectionLevelSchema, type SamplingPlanJson } from '../../../src/contract/sampling.js';
import { aqlValues, defectsFoundMax, inspectionLevels, lotSizeMax, lotSizeMin } from '../../../src/domain/sampling/iso2859.js';
import { aqlLabels } from '../../../src/domain/sampling/iso2859-tables.js';
import { PageTitle } from '../components/page-title.js';
import { fromControl, numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { NumberField } from '../forms/number-field.js';
import { SelectField } from '../forms/select-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatNumber } from '../lib/format.js';
import { callOperation } from '../lib/http.js';
import { SamplingPlanSteps } from './sampling-plan-steps.js';

// The calculator's fields: the contract's query (level as its enum), with the domain's bounds on the numbers so
// the form says what is wrong before asking; the AQL is chosen from the table's own values.
const SamplingFormSchema = z.object({
  lotSize: numberOrNull(z.number().int().min(lotSizeMin).max(lotSizeMax)),
  level: fromControl(InspectionLevelSchema),
  aql: fromControl(z.enum(aqlLabels as [string, ...string[]])),
  defectsFound: numberOrNull(z.number().int().min(0).max(defectsFoundMax).nullable()),
});

const blank = { lotSize: '', level: 'II', aql: '2.5', defectsFound: '' };

function PlanFacts({ plan }: { plan: SamplingPlanJson }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('sampling.codeLetter'), plan.codeLetter],
    [t('sampling.planLetter'), plan.planLetter],
    [t('sampling.sampleSize'), formatNumber(plan.sampleSize)],
    [t('sampling.acceptNumber'), formatNumber(plan.acceptNumber)],
    [t('sampling.rejectNumber'), formatNumber(plan.rejectNumber)],
  ];
  return (
    <section className="sampling-plan" aria-labelledby="sampling-result">
      <h2 id="sampling-result">{t('sampling.result')}</h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {plan.hundredPercent && <p className="notice">{t('sampling.hundredPercent', { lot: formatNumber(plan.lotSize) })}</p>}
      {plan.verdict && (
        <p className={`sampling-verdict sampling-verdict--${plan.verdict}`}>
          <strong>{t(`sampling.verdict.${plan.verdict}`)}</strong>
        </p>
      )}
      <SamplingPlanSteps steps={plan.steps} />
    </section>
  );
}

/** The ISO 2859-1 sampling plan calculator: lot size, level and AQL in; n, Ac and Re out, with how they were found. */
export function SamplingPlanPage() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<SamplingPlanJson | null>(null);
  const form = useFormMutation({
    schema: SamplingFormSchema,
    defaultValues: blank,
    required: { lotSize: t('sampling.lotSizeRequired') },
    send: ({ lotSize, level, aql, defectsFound }) =>
      callOperation('samplingPlan', {
        query: { lotSize: lotSize ?? 0, level, aql: Number(aql), ...(defectsFound === null ? {} : { defectsFound }) },
      }),
    onSaved: (answer) => setPlan(answer),
  });
  return (
    <>
      <PageTitle page={t('sampling.title')} />
      <header className="page-head">
        <h1>{t('sampling.title')}</h1>
        <p>{t('sampling.intro')}</p>
      </header>
      <MutationForm
        form={form}
        aria-label={t('sampling.title')}
        problemTitle={t('sampling.problem')}
        submitLabel={t('sampling.submit')}
        pendingLabel={t('sampling.pending')}
      >
        <NumberField name="lotSize" label={t('sampling.lotSize')} hint={t('sampling.lotSizeHint')} isRequired />
        <SelectField name="level" label={t('sampling.level')} hint={t('sampling.levelHint')} isRequired>
          {inspectionLevels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </SelectField>
        <SelectField name="aql" label={t('sampling.aql')} hint={t('sampling.aqlHint')} isRequired>
          {aqlValues.map((a, i) => (
            <option key={a} value={aqlLabels[i]}>
              {aqlLabels[i]}
            </option>
          ))}
        </SelectField>
        <NumberField name="defectsFound" label={t('sampling.defectsFound')} hint={t('sampling.defectsFoundHint')} />
      </MutationForm>
      {plan && <PlanFacts plan={plan} />}
    </>
  );
}
