import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { Field } from '../components/field.js';
import { useFormField } from '../forms/form-context.js';
import { MutationForm } from '../forms/mutation-form.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { formatCountry } from '../lib/format.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { calendarApi, type LoadedSchedule } from './calendar-api.js';

/** The file chosen, or null: the server checks what it holds (parseOfficialSchedule). */
const UploadForm = z.object({
  file: z
    .custom<FileList | null>()
    .transform((files) => files?.[0] ?? null)
    .pipe(z.instanceof(File)),
});

function FileField({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const { id, error, registration } = useFormField('file');
  return (
    <Field id={id} name="file" label={t('calendar.upload.file')} hint={t('calendar.upload.fileHint')} error={error}>
      {(c) => (
        <input
          {...c}
          type="file"
          accept=".json,application/json"
          {...registration}
          onChange={(e) => {
            onChange();
            void registration.onChange(e);
          }}
        />
      )}
    </Field>
  );
}

/**
 * Loads a government's official holiday schedule from a JSON file; the year it covers stops being
 * provisional. A refused file lists every place in it at fault.
 */
export function ScheduleUpload({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [loaded, setLoaded] = useState<LoadedSchedule | null>(null);
  const form = useFormMutation({
    schema: UploadForm,
    defaultValues: { file: null },
    required: { file: t('calendar.upload.noFile') },
    messageFor: (error) => (error.code === 'VALIDATION_FAILED' ? t('calendar.upload.badFile') : null),
    send: async ({ file }) => calendarApi.uploadSchedule(programId, await file.text()),
    onSaved: (result) => {
      setLoaded(result);
      form.methods.reset({ file: null });
    },
    refresh: () => invalidateRecords(client, programId),
  });

  return (
    <>
      <MutationForm
        form={form}
        className="cal-upload"
        problemTitle={t('calendar.upload.refused')}
        submitLabel={t('calendar.upload.submit')}
        pendingLabel={t('calendar.upload.loading')}
      >
        <FileField onChange={() => setLoaded(null)} />
        <details className="legend">
          <summary>{t('calendar.upload.formatSummary')}</summary>
          <div className="legend__list">
            <p>{t('calendar.upload.formatIntro')}</p>
            <pre className="cal-example">{t('calendar.upload.example')}</pre>
          </div>
        </details>
      </MutationForm>
      <p className="live-message" role="status">
        {loaded && (
          <>
            {t('calendar.upload.loaded', { country: formatCountry(loaded.country), year: loaded.year })}{' '}
            <Link to={{ search: `?year=${loaded.year}` }}>{t('calendar.upload.show', { year: loaded.year })}</Link>
          </>
        )}
      </p>
    </>
  );
}
