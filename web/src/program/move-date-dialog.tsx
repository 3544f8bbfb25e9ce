import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, MoveMilestone } from '../../../src/contract/milestone.js';
import { DateInput } from '../components/date-input.js';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { useProblemText } from '../components/problem-text.js';
import { type FieldErrors, useForm } from '../components/use-form.js';
import { ApiError, api } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { isOutOfRange, toPlainDate } from '../lib/plain-date.js';
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

const fields = ['forecastDate', 'reason'] as const;

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
  const formId = useId();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [version, setVersion] = useState(milestone.version);
  const [forecastDate, setForecastDate] = useState<string>(milestone.forecastDate);
  const [reason, setReason] = useState('');
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

  const form = useForm({
    formId,
    fields,
    messageFor: (error) => {
      if (error.code !== 'VERSION_CONFLICT') return null;
      return isOwnConflict(error)
        ? t('form.conflict', { key: milestone.key })
        : t('movePreview.pushConflict', { message: problemText(error) });
    },
  });
  const err = form.state.fieldErrors;

  const send = async (body: MoveMilestone): Promise<Milestone> => {
    try {
      return await api.moveMilestone(programId, milestone.id, body);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        if (isOwnConflict(error)) setVersion((error.problem.current as { version: number }).version);
        // The form stays open on the latest data: the milestones and the preview are fetched again.
        await Promise.all([invalidateProgram(client, programId), client.invalidateQueries({ queryKey: planKeys.movePreviews(programId) })]);
      }
      throw error;
    }
  };

  const saved = async (moved: Milestone) => {
    await invalidateProgram(client, programId);
    const count = moved.pushed?.length ?? 0;
    const date = formatPlainDate(moved.forecastDate);
    onSaved(
      moved,
      count > 0 ? t('movePreview.movedPushed', { key: moved.key, date, count }) : t('movePreview.moved', { key: moved.key, date }),
    );
    void invalidatePlan(client, programId);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.pending) return;
    const errors: FieldErrors = {};
    const forecast = toPlainDate(forecastDate);
    if (!forecast) errors.forecastDate = isOutOfRange(forecastDate) ? t('form.dateOutOfRange') : t('form.required.forecastDate');
    if (!reason.trim()) errors.reason = t('form.required.moveReason');
    if (!forecast || Object.keys(errors).length > 0) return form.fail(errors);
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
        return;
      }
    }
    const pushedVersions = seen && seen.length > 0 ? Object.fromEntries(seen.map((p) => [p.id, p.version])) : undefined;
    await form.submit(
      () => send({ version, forecastDate: forecast, reason: reason.trim(), ...(pushedVersions ? { pushedVersions } : {}) }),
      saved,
    );
  };

  const submitText =
    pushes && pushes.length > 0
      ? t('movePreview.submitWithOthers', { key: milestone.key, count: pushes.length })
      : t('movePreview.submit', { key: milestone.key });

  return (
    <ModalDialog title={t('form.moveTitle', { key: milestone.key, name: milestone.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormProblem message={form.state.message} extra={form.state.extra} />
        <p className="form__context">
          {t('form.currentForecast', {
            date: formatPlainDate(milestone.forecastDate),
            baseline: formatPlainDate(milestone.baselineDate),
          })}
        </p>
        <Field
          id={`${formId}-forecastDate`}
          name="forecastDate"
          label={t('form.newForecastDate')}
          hint={pastWarning}
          error={err.forecastDate}
        >
          {(c) => <DateInput control={c} value={forecastDate} onChange={setForecastDate} />}
        </Field>
        <Field id={`${formId}-reason`} name="reason" label={t('form.reason')} hint={t('form.moveReasonHint')} error={err.reason}>
          {(c) => (
            <textarea {...c} rows={3} maxLength={2000} aria-required="true" value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <MovePreview
          milestoneKey={milestone.key}
          date={chosen}
          checking={chosen !== null && (!current || preview.isPending)}
          pushes={pushes}
          problem={previewProblem}
          summaryRef={summaryRef}
        />
        <div className="form__buttons">
          <button type="submit" className="button button--primary" aria-disabled={form.pending || undefined}>
            {submitText}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {form.pending ? t('movePreview.moving') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
