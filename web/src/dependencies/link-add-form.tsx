import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { CreateMilestoneLinkSchema } from '../../../src/contract/plan.js';
import { numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { NumberField } from '../forms/number-field.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatPlainDate } from '../lib/format.js';
import { addLink, type MilestoneLink } from '../lib/plan-queries.js';

interface Props {
  programId: string;
  milestone: Milestone;
  /** The milestones it may come after: the program's others, less those it already comes after. */
  candidates: readonly Milestone[];
  onAdded: (link: MilestoneLink) => Promise<void>;
}

const shape = CreateMilestoneLinkSchema.shape;
const LinkAddFormSchema = CreateMilestoneLinkSchema.pick({ predecessor: true }).extend({
  lagDays: numberOrNull(shape.lagDays.unwrap()),
  reason: shape.reason.unwrap(),
});
const blank = { predecessor: '', lagDays: '0', reason: '' };

/** Adds a milestone this one comes after, with a lag in business days and an optional reason. */
export function LinkAddForm({ programId, milestone, candidates, onAdded }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useFormMutation({
    schema: LinkAddFormSchema,
    defaultValues: blank,
    required: { predecessor: t('links.predecessorRequired'), lagDays: t('links.lagInvalid') },
    // The cycle runs through the milestone chosen: it already comes after this one.
    fieldText: (error, field): string | null => {
      const chosen: Milestone | undefined = candidates.find((m) => m.id === form.methods.getValues('predecessor'));
      return error.code === 'DEPENDENCY_CYCLE' && field === 'predecessor' && chosen
        ? t('links.cycle', { predecessor: chosen.key, key: milestone.key })
        : null;
    },
    send: ({ predecessor, lagDays, reason }) =>
      addLink(programId, { predecessor, successor: milestone.id, lagDays, ...(reason ? { reason } : {}) }),
    onSaved: async (link) => {
      form.methods.reset(blank);
      await onAdded(link);
    },
  });

  return (
    <MutationForm
      form={form}
      className="link-add"
      aria-labelledby={headingId}
      header={
        <h3 id={headingId} className="link-list__heading">
          {t('links.addHeading', { key: milestone.key })}
        </h3>
      }
      submitLabel={t('links.add')}
    >
      <SelectField name="predecessor" label={t('links.predecessor')} isRequired>
        <option value="">{t('links.choose')}</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {t(m.actualDate ? 'links.optionDone' : 'links.option', {
              key: m.key,
              name: m.name,
              date: formatPlainDate(m.actualDate ?? m.forecastDate),
            })}
          </option>
        ))}
      </SelectField>
      <NumberField name="lagDays" label={t('links.lagLabel')} hint={t('links.lagHint')} className="link-add__lag" />
      <TextField name="reason" label={t('form.reason')} hint={t('links.reasonHint')} rows={2} />
    </MutationForm>
  );
}
