import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LongText, ReasonSchema, ShortText } from '../../../src/contract/common.js';
import { charterLimits } from '../../../src/domain/charter.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { MutationForm } from '../forms/mutation-form.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatWeekday } from '../lib/format.js';
import { type Charter, charterApi, charterKey } from './charter-api.js';

/** The charter as the form holds it: people by id ('' for none), numbers and the day as text, extra addresses in one line. */
export const CharterForm = z.object({
  decisionOwnerId: z.string(),
  escalation: z.array(z.object({ personId: z.string().min(1) })).max(charterLimits.escalationLevels),
  success: z.array(z.object({ gate: z.string(), text: LongText(5000) })),
  weekday: z.string(),
  time: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)]),
  recipients: z.array(z.object({ id: z.string(), isChosen: z.boolean() })),
  emails: ShortText(4000),
  autoIssue: z.boolean(),
  score: z.string().regex(/^\d{0,3}$/),
  days: z.string().regex(/^\d{0,4}$/),
  requestDaysBefore: z.string(),
  untouchedDays: z.string().regex(/^\d{1,3}$/),
  reason: ReasonSchema,
});
type Values = z.input<typeof CharterForm>;

export interface Person {
  readonly id: string;
  readonly name: string;
}

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
const emailsOf = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');

/** Where a path the server names is on this form. */
function fieldOf(path: string, gates: readonly string[]): string {
  const level = /^escalationPath\.(\d+)$/.exec(path)?.[1];
  if (level !== undefined) return `escalation.${level}.personId`;
  if (path === 'escalationPath') return 'escalation';
  const gate = /^successDefinitions\.(.+)$/.exec(path)?.[1];
  if (gate !== undefined) return `success.${gates.indexOf(gate)}.text`;
  if (path === 'weeklyReport.weekday') return 'weekday';
  if (path === 'weeklyReport.time') return 'time';
  if (path === 'weeklyReport.autoIssue') return 'autoIssue';
  if (path.startsWith('weeklyReport.recipientEmails')) return 'emails';
  if (path === 'leadershipReview.scoreAtLeast') return 'score';
  if (path === 'leadershipReview.unresolvedDays') return 'days';
  if (path === 'weeklyReport.updateRequests.businessDaysBefore') return 'requestDaysBefore';
  if (path === 'weeklyReport.updateRequests.untouchedDays') return 'untouchedDays';
  return path;
}

interface Props {
  programId: string;
  charter: Charter;
  /** Who may be named: the people who hold a role on the program or its client. */
  people: readonly Person[];
  onDone: (saved: Charter) => void;
  onCancel: () => void;
}

/** The whole kickoff charter in one form, sent at the version read; the escalation path is an ordered list. */
export function CharterEditForm({ programId, charter, people, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const known = new Set(people.map((p) => p.id));
  const form = useFormMutation({
    schema: CharterForm,
    defaultValues: {
      decisionOwnerId: charter.decisionOwnerId ?? '',
      escalation: charter.escalationPath.map((personId) => ({ personId })),
      success: charter.gates.map((gate) => ({ gate, text: charter.successDefinitions[gate] ?? '' })),
      weekday: charter.weeklyReport.weekday === null ? '' : String(charter.weeklyReport.weekday),
      time: charter.weeklyReport.time ?? '',
      recipients: people.map((p) => ({ id: p.id, isChosen: charter.weeklyReport.recipientIds.includes(p.id) })),
      emails: charter.weeklyReport.recipientEmails.join(', '),
      autoIssue: charter.weeklyReport.autoIssue,
      score: charter.leadershipReview.scoreAtLeast === null ? '' : String(charter.leadershipReview.scoreAtLeast),
      days: charter.leadershipReview.unresolvedDays === null ? '' : String(charter.leadershipReview.unresolvedDays),
      requestDaysBefore:
        charter.weeklyReport.updateRequests.businessDaysBefore === null
          ? ''
          : String(charter.weeklyReport.updateRequests.businessDaysBefore),
      untouchedDays: String(charter.weeklyReport.updateRequests.untouchedDays),
      reason: '',
    } satisfies Values,
    fieldOf: (path) => fieldOf(path, charter.gates),
    send: (v) =>
      charterApi.set(programId, {
        version: charter.version,
        decisionOwnerId: v.decisionOwnerId || null,
        escalationPath: v.escalation.map((l) => l.personId),
        successDefinitions: Object.fromEntries(v.success.filter((s) => s.text.trim() !== '').map((s) => [s.gate, s.text])),
        weeklyReport: {
          weekday: numberOrNull(v.weekday),
          time: v.time || null,
          // People named before who no longer take part stay named until someone removes them here.
          recipientIds: [
            ...v.recipients.filter((r) => r.isChosen).map((r) => r.id),
            ...charter.weeklyReport.recipientIds.filter((id) => !known.has(id)),
          ],
          recipientEmails: emailsOf(v.emails),
          updateRequests: { businessDaysBefore: numberOrNull(v.requestDaysBefore), untouchedDays: Number(v.untouchedDays) },
          autoIssue: v.autoIssue,
        },
        leadershipReview: { scoreAtLeast: numberOrNull(v.score), unresolvedDays: numberOrNull(v.days) },
        ...(v.reason ? { reason: v.reason } : {}),
      }),
    onSaved: (saved) => {
      cache.setQueryData(charterKey(programId), saved);
      onDone(saved);
    },
    refresh: () => cache.invalidateQueries({ queryKey: charterKey(programId) }),
  });
  const levels = useFieldArray({ control: form.methods.control, name: 'escalation' });
  const personOptions = (
    <>
      <option value="">{t('charter.choosePerson')}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );

  return (
    <MutationForm
      form={form}
      aria-label={t('charter.editTitle')}
      className="form--page"
      submitLabel={t('charter.save')}
      pendingLabel={t('common.working')}
      onCancel={onCancel}
    >
      <SelectField name="decisionOwnerId" label={t('charter.decisionOwner')} hint={t('charter.decisionOwnerHint')}>
        {personOptions}
      </SelectField>

      <fieldset className="fieldset">
        <legend>{t('charter.escalationPath')}</legend>
        <p className="field__hint">{t('charter.escalationHint', { count: charterLimits.escalationLevels })}</p>
        {levels.fields.length === 0 && <p className="gap">{t('charter.noEscalation')}</p>}
        <ol className="charter-levels">
          {levels.fields.map((level, i) => {
            const label = t('charter.level', { n: i + 1 });
            return (
              <li key={level.id} className="charter-levels__item">
                <SelectField name={`escalation.${i}.personId`} label={label}>
                  {personOptions}
                </SelectField>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={i === 0}
                    aria-label={t('charter.moveUp', { level: label })}
                    onClick={() => levels.move(i, i - 1)}
                  >
                    {t('charter.up')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={i === levels.fields.length - 1}
                    aria-label={t('charter.moveDown', { level: label })}
                    onClick={() => levels.move(i, i + 1)}
                  >
                    {t('charter.down')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-label={t('charter.removeLevel', { level: label })}
                    onClick={() => levels.remove(i)}
                  >
                    {t('charter.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {levels.fields.length < charterLimits.escalationLevels && (
          <button type="button" className="button button--small button--secondary" onClick={() => levels.append({ personId: '' })}>
            {t('charter.addLevel')}
          </button>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('charter.success')}</legend>
        {charter.gates.map((gate, i) => (
          <TextField key={gate} name={`success.${i}.text`} label={t('charter.successAt', { gate })} rows={3} />
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('charter.weeklyReport')}</legend>
        <div className="form__pair">
          <SelectField name="weekday" label={t('charter.reportDay')} hint={t('charter.reportDayHint')}>
            <option value="">{t('charter.chooseDay')}</option>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <option key={d} value={String(d)}>
                {formatWeekday(d, 'long')}
              </option>
            ))}
          </SelectField>
          <TextField name="time" label={t('charter.reportTime')} hint={t('charter.reportTimeHint')} />
        </div>
        <fieldset className="fieldset charter-recipients">
          <legend>{t('charter.recipients')}</legend>
          {people.map((p, i) => (
            <CheckboxField key={p.id} name={`recipients.${i}.isChosen`} label={p.name} />
          ))}
        </fieldset>
        <TextField name="emails" label={t('charter.emails')} hint={t('charter.emailsHint')} />
        <CheckboxField name="autoIssue" label={t('charter.autoIssue')} hint={t('charter.autoIssueHint')} />
        <fieldset className="fieldset">
          <legend>{t('charter.updateRequests')}</legend>
          <p className="field__hint">{t('charter.updateRequestsHint')}</p>
          <div className="form__pair">
            <SelectField name="requestDaysBefore" label={t('charter.requestDaysBefore')}>
              <option value="">{t('charter.requestsOff')}</option>
              {Array.from(
                { length: charterLimits.requestDaysBefore.max - charterLimits.requestDaysBefore.min + 1 },
                (_, i) => i + charterLimits.requestDaysBefore.min,
              ).map((n) => (
                <option key={n} value={String(n)}>
                  {n === 0 ? t('charter.requestOnReportDay') : t('charter.requestDaysBeforeOption', { count: n })}
                </option>
              ))}
            </SelectField>
            <TextField
              name="untouchedDays"
              label={t('charter.untouchedDays')}
              hint={t('charter.untouchedDaysHint', { min: charterLimits.untouchedDays.min, max: charterLimits.untouchedDays.max })}
            />
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('charter.leadershipReview')}</legend>
        <p className="field__hint">{t('charter.leadershipReviewHint')}</p>
        <div className="form__pair">
          <TextField name="score" label={t('charter.reviewScore')} hint={t('charter.reviewScoreHint')} />
          <TextField name="days" label={t('charter.reviewDays')} hint={t('charter.reviewDaysHint')} />
        </div>
      </fieldset>
      <TextField name="reason" label={t('charter.reason')} rows={2} />
    </MutationForm>
  );
}
