import type { ReactNode } from 'react';
import { type FieldValues, FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormFieldsContext } from './form-context.js';
import { FormSummary } from './form-summary.js';
import type { FormMutation } from './use-form-mutation.js';

export interface MutationFormProps<In extends FieldValues> {
  form: FormMutation<In>;
  children: ReactNode;
  /** Classes beside `form`. */
  className?: string;
  /** Shown above the summary, e.g. the form's own heading. */
  header?: ReactNode;
  'aria-label'?: string | undefined;
  'aria-labelledby'?: string | undefined;
  /** The summary's heading; "Not saved" unless told. */
  problemTitle?: string | undefined;
  /** The submit button's words; "Save" unless told. */
  submitLabel?: string | undefined;
  /** Said while the request runs; "Saving…" unless told. */
  pendingLabel?: string | undefined;
  /** A red submit button, for what cannot be undone. */
  isDanger?: boolean;
  /** Offers Cancel when given. */
  onCancel?: (() => void) | undefined;
}

/** A form that writes through useFormMutation: summary on top, its fields, submit (and Cancel) at the foot. */
export function MutationForm<In extends FieldValues>({
  form,
  children,
  className,
  header,
  problemTitle,
  submitLabel,
  pendingLabel,
  isDanger = false,
  onCancel,
  ...aria
}: MutationFormProps<In>) {
  const { t } = useTranslation();
  return (
    <FormProvider {...form.methods}>
      <FormFieldsContext.Provider value={{ formId: form.formId, schema: form.schema }}>
        <form className={className ? `form ${className}` : 'form'} noValidate onSubmit={form.onSubmit} {...aria}>
          {header}
          <FormSummary title={problemTitle} message={form.summary.message} extra={form.summary.extra} />
          {children}
          <div className="form__buttons">
            <button
              type="submit"
              className={`button ${isDanger ? 'button--danger' : 'button--primary'}`}
              aria-disabled={form.pending || undefined}
            >
              {submitLabel ?? t('common.save')}
            </button>
            {onCancel && (
              <button type="button" className="button button--secondary" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
            <span className="form__pending" role="status">
              {form.pending ? (pendingLabel ?? t('common.saving')) : ''}
            </span>
          </div>
        </form>
      </FormFieldsContext.Provider>
    </FormProvider>
  );
}
