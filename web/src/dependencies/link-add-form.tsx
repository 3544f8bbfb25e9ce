import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { CreateMilestoneLinkSchema } from '../../../src/contract/plan.js';
import { numberOrNull } from '../forms/form-values.js';
import { MutationForm } from '../forms/mutation-form.js';
import { NumberField } from '../forms/number-field.js';
import { useProblemText } from '../forms/problem-text.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { keepOpen, useFormMutation } from '../forms/use-form-mutation.js';
import { formatList, formatPlainDate } from '../lib/format.js';
import {
  type AddedMilestoneLink,
  addLink,
  invalidatePlan,
  linkPreviewQuery,
  type Push,
  planKeys,
  useLinkPreview,
} from '../lib/plan-queries.js';
import { invalidateProgram } from '../lib/queries.js';
import { MovePreview } from '../milestones/move-preview.js';
import { useDebouncedValue } from '../milestones/use-debounced-value.js';

interface Props {
  programId: string;
  milestone: Milestone;
  /** The milestones it may come after: the program's others, less those it already comes after. */
  candidates: readonly Milestone[];
  onAdded: (link: AddedMilestoneLink) => Promise<void>;
}

const shape = CreateMilestoneLinkSchema.shape;
const LinkAddFormSchema = CreateMilestoneLinkSchema.pick({ predecessor: true }).extend({
  lagDays: numberOrNull(shape.lagDays.unwrap()),
  reason: shape.reason.unwrap(),
});
const blank = { predecessor: '', lagDays: '0', reason: '' };

/** The lag as typed when it is one the server takes (a whole number within ±365; blank is 0), else null. */
function lagOf(raw: string | number | null | undefined): number | null {
  const text = String(raw ?? '').trim();
  if (text === '') return 0;
  if (!/^[-−]?\d{1,3}$/.test(text)) return null;
  const n = Number(text.replace('−', '-'));
  return Math.abs(n) <= 365 ? n : null;
}

/**
 * Adds a milestone this one comes after, with a lag in business days and an optional reason. As soon
 * as a milestone and a lag are chosen it shows which milestones the link would push later (this one,
 * when the link's dates already require it, and what follows it); the link is added against exactly
 * those versions, and a submit that has not shown them yet stops to show them first.
 */
export function LinkAddForm({ programId, milestone, candidates, onAdded }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const headingId = useId();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // The pushes the last add was confirmed against.
  const sent = useRef<readonly Push[]>([]);

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
    send: async ({ predecessor, lagDays, reason }): Promise<AddedMilestoneLink | typeof keepOpen> => {
      const lag = lagDays ?? 0;
      let seen: readonly Push[] | undefined = asked?.predecessor === predecessor && asked.lagDays === lag ? pushes : undefined;
      if (seen === undefined) {
        // Nothing moves unseen: work the preview out now, and stop to show it when the link pushes.
        settle(`${predecessor}|${lag}`);
        try {
          seen = (await client.fetchQuery(linkPreviewQuery(programId, milestone.id, predecessor, lag))).pushes;
        } catch {
          seen = undefined; // Adding will say what is wrong.
        }
        if (seen && seen.length > 0) {
          summaryRef.current?.focus();
          return keepOpen;
        }
      }
      sent.current = seen ?? [];
      const pushedVersions = seen && seen.length > 0 ? Object.fromEntries(seen.map((p) => [p.id, p.version])) : undefined;
      return addLink(programId, {
        predecessor,
        successor: milestone.id,
        lagDays,
        ...(reason ? { reason } : {}),
        ...(pushedVersions ? { pushedVersions } : {}),
      });
    },
    onSaved: async (link) => {
      form.methods.reset(blank);
      await onAdded(link);
    },
    messageFor: (error) => {
      if (error.code !== 'VERSION_CONFLICT') return null;
      const keys = sent.current.map((p) => p.key);
      return keys.length > 0 ? t('links.pushConflictNamed', { keys: formatList(keys), count: keys.length }) : null;
    },
    // After a conflict the form stays open on the latest dates: the links, the milestones and the preview are fetched again.
    refresh: () =>
      Promise.all([
        invalidateProgram(client, programId),
        invalidatePlan(client, programId),
        client.invalidateQueries({ queryKey: planKeys.movePreviews(programId) }),
      ]),
  });

  const predecessor: string = useWatch({ control: form.methods.control, name: 'predecessor' });
  const lag = lagOf(useWatch({ control: form.methods.control, name: 'lagDays' }));
  const choice: string = predecessor && lag !== null ? `${predecessor}|${lag}` : '';
  const [settled, settle] = useDebouncedValue<string>(choice, 350);
  const asked: { predecessor: string; lagDays: number } | null =
    settled !== '' && settled === choice && lag !== null ? { predecessor, lagDays: lag } : null;
  const preview = useLinkPreview(programId, milestone.id, asked);
  const current = asked !== null && !preview.isFetching;
  const pushes: readonly Push[] | undefined = current ? preview.data?.pushes : undefined;
  const previewProblem = current && preview.isError ? problemText(preview.error) : null;
  const chosen = candidates.find((m) => m.id === predecessor);

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
      submitLabel={pushes && pushes.length > 0 ? t('links.addAndMove', { count: pushes.length }) : t('links.add')}
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
      {choice !== '' && (
        <MovePreview
          milestoneKey={milestone.key}
          date={milestone.forecastDate}
          checking={choice !== settled || preview.isFetching}
          pushes={pushes}
          problem={previewProblem}
          summaryRef={summaryRef}
          words={{
            checking: t('links.preview.checking'),
            none: t('links.preview.none', { key: milestone.key, predecessor: chosen?.key ?? '' }),
            summary: (count) => t('links.preview.summary', { count }),
          }}
        />
      )}
      <TextField name="reason" label={t('form.reason')} hint={t('links.reasonHint')} rows={2} />
    </MutationForm>
  );
}
