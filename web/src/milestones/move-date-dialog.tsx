import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Milestone, MoveMilestoneSchema } from '../../../src/contract/milestone.js';
import { DateField } from '../forms/date-field.js';
import { FormDialog } from '../forms/form-dialog.js';
import { useProblemText } from '../forms/problem-text.js';
import { TextField } from '../forms/text-field.js';
import { keepOpen, useFormMutation } from '../forms/use-form-mutation.js';
import { useRebase } from '../forms/use-rebase.js';
import { type ApiError, api } from '../lib/api.js';
import { formatList, formatPlainDate } from '../lib/format.js';
import { toPlainDate } from '../lib/plain-date.js';
import { invalidatePlan, movePreviewQuery, type Push, planKeys, useMovePreview } from '../lib/plan-queries.js';
import { invalidateProgram } from '../lib/queries.js';
import { MovePreview } from './move-preview.js';
import { useDebouncedValue } from './use-debounced-value.js';

interface Props {
  /** The program's code (or id), as the API takes it. */
  programId: string;
  milestone: Milestone;
  onClose: () => void;
  /** After the move, with one sentence saying what moved, for a status message. */
  onSaved: (moved: Milestone, summary: string) => void;
}

/** The request's date and reason; the form asks for the reason the domain requires (REASON_REQUIRED) before sending. */
const MoveForm = MoveMilestoneSchema.pick({ forecastDate: true }).extend({ reason: MoveMilestoneSchema.shape.reason.min(1) });

/** A VERSION_CONFLICT about the milestone itself carries its current state; one about a pushed milestone does not. */
const isOwnConflict = (error: ApiError): boolean =>
  typeof (error.problem.current as { version?: unknown } | undefined)?.version === 'number';

/**
 * Moves a milestone's forecast date with a reason. As soon as a new date is chosen it shows which
 * other milestones the move would push, and the move is confirmed against exactly those versions.
 */
export function MoveDateDialog({ programId, milestone, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // The pushes the last move was confirmed against, to name those someone else changed meanwhile.
  const sent = useRef<readonly Push[]>([]);
  const version = useRebase(milestone.version);

  const form = useFormMutation({
    schema: MoveForm,
    defaultValues: { forecastDate: milestone.forecastDate, reason: '' },
    required: { forecastDate: t('form.required.forecastDate'), reason: t('form.required.moveReason') },
    send: async ({ forecastDate, reason }) => {
      let seen = pushes;
      if (chosen !== null && seen === undefined && previewProblem === null) {
        // Nothing moves unseen: work the preview out now, and stop to show it when others move too.
        settle(forecastDate);
        try {
          seen = (await client.fetchQuery(movePreviewQuery(programId, milestone.id, chosen))).pushes;
        } catch {
          seen = undefined; // The move itself will say what is wrong.
        }
        if (seen && seen.length > 0) {
          summaryRef.current?.focus();
          return keepOpen;
        }
      }
      sent.current = seen ?? [];
      const pushedVersions = seen && seen.length > 0 ? Object.fromEntries(seen.map((p) => [p.id, p.version])) : undefined;
      return api.moveMilestone(programId, milestone.id, {
        version: version.base,
        forecastDate,
        reason,
        ...(pushedVersions ? { pushedVersions } : {}),
      });
    },
    onSaved: (moved) => {
      const count = moved.pushed?.length ?? 0;
      const date = formatPlainDate(moved.forecastDate);
      onSaved(
        moved,
        count > 0 ? t('movePreview.movedPushed', { key: moved.key, date, count }) : t('movePreview.moved', { key: moved.key, date }),
      );
    },
    subject: milestone,
    onConflict: version.onConflict,
    messageFor: (error) => {
      if (error.code !== 'VERSION_CONFLICT' || isOwnConflict(error)) return null;
      // Called after the refresh: the preview in the cache is the latest.
      const fresh = chosen ? client.getQueryData(movePreviewQuery(programId, milestone.id, chosen).queryKey)?.pushes : undefined;
      const changed = sent.current.filter((p) => fresh?.find((f) => f.id === p.id)?.version !== p.version).map((p) => p.key);
      return changed.length > 0
        ? t('movePreview.pushConflictNamed', { keys: formatList(changed), count: changed.length })
        : t('movePreview.pushConflict');
    },
    // The form stays open on the latest data after a conflict: the milestones and the preview are fetched again.
    refresh: () =>
      Promise.all([
        invalidateProgram(client, programId),
        invalidatePlan(client, programId),
        client.invalidateQueries({ queryKey: planKeys.movePreviews(programId) }),
      ]),
  });

  const forecastDate = useWatch({ control: form.methods.control, name: 'forecastDate' });
  const [settled, settle] = useDebouncedValue(forecastDate, 350);
  // Only a real date other than the current forecast moves anything.
  const newDate = (value: string) => {
    const d = toPlainDate(value);
    return d !== null && d !== milestone.forecastDate ? d : null;
  };
  const chosen = newDate(forecastDate);
  const previewed = newDate(settled);
  const preview = useMovePreview(programId, milestone.id, previewed);
  // The preview shown is the one for the date in the field, never an older one.
  const current = chosen !== null && previewed === chosen && !preview.isFetching;
  const pushes: readonly Push[] | undefined = current ? preview.data?.pushes : undefined;
  const previewProblem = current && preview.isError ? problemText(preview.error) : null;
  // The server knows the factory's today: a new forecast already past is allowed, but said.
  const pastWarning = current && preview.data?.warnings?.some((w) => w.code === 'DATE_IN_PAST') ? t('form.dateInPast') : undefined;
  // A day the factory has off is allowed (some are worked), but said, with the next working day offered.
  const dayOff = current ? preview.data?.warnings?.find((w) => w.code === 'NOT_A_WORKING_DAY' && w.suggestion) : undefined;
  const nextWorkingDay = dayOff?.suggestion;

  return (
    <FormDialog
      title={t('form.moveTitle', { key: milestone.key, name: milestone.name })}
      form={form}
      onClose={onClose}
      submitLabel={
        pushes && pushes.length > 0
          ? t('movePreview.submitWithOthers', { key: milestone.key, count: pushes.length })
          : t('movePreview.submit', { key: milestone.key })
      }
      pendingLabel={t('movePreview.moving')}
    >
      <p className="form__context">
        {t('form.currentForecast', {
          date: formatPlainDate(milestone.forecastDate),
          baseline: formatPlainDate(milestone.baselineDate),
        })}
      </p>
      <DateField name="forecastDate" label={t('form.newForecastDate')} hint={pastWarning} />
      {chosen && nextWorkingDay ? (
        <p className="form__context" role="status">
          {t('form.notAWorkingDay', { date: formatPlainDate(chosen) })}{' '}
          <button
            type="button"
            className="button button--small button--link"
            onClick={() => form.methods.setValue('forecastDate', nextWorkingDay, { shouldDirty: true, shouldValidate: true })}
          >
            {t('form.useNextWorkingDay', { date: formatPlainDate(nextWorkingDay) })}
          </button>
        </p>
      ) : null}
      <TextField name="reason" label={t('form.reason')} hint={t('form.moveReasonHint')} rows={3} isRequired />
      <MovePreview
        milestoneKey={milestone.key}
        date={chosen}
        checking={chosen !== null && (!current || preview.isPending)}
        pushes={pushes}
        problem={previewProblem}
        summaryRef={summaryRef}
      />
    </FormDialog>
  );
}
