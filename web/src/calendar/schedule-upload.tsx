import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '../components/field.js';
import { FormProblem } from '../components/form-problem.js';
import { useProblemText } from '../components/problem-text.js';
import { ApiError } from '../lib/api.js';
import { formatCountry } from '../lib/format.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { calendarApi, type LoadedSchedule } from './calendar-api.js';

interface Problem {
  message: string;
  /** "holidays[2].date: must lie in 2027", one per fault the server found in the file. */
  faults: string[];
}

/**
 * Loads a government's official holiday schedule from a JSON file; the year it covers stops being
 * provisional. A refused file lists every fault the server found, by its place in the file.
 */
export function ScheduleUpload({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const formId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loaded, setLoaded] = useState<LoadedSchedule | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = `${formId}-file`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const file = fileRef.current?.files?.[0];
    setLoaded(null);
    if (!file) {
      setProblem({ message: t('calendar.upload.noFile'), faults: [] });
      fileRef.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const result = await calendarApi.uploadSchedule(programId, await file.text());
      setLoaded(result);
      if (fileRef.current) fileRef.current.value = '';
      await invalidateRecords(client, programId);
    } catch (error) {
      const faults =
        error instanceof ApiError ? (error.problem.errors ?? []).map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)) : [];
      setProblem({ message: problemText(error), faults });
      fileRef.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form cal-upload" noValidate onSubmit={(e) => void onSubmit(e)}>
      <FormProblem title={t('calendar.upload.refused')} message={problem?.message ?? null} extra={problem?.faults ?? []} />
      <Field
        id={inputId}
        name="file"
        label={t('calendar.upload.file')}
        hint={t('calendar.upload.fileHint')}
        error={problem ? t('calendar.upload.fileError') : undefined}
      >
        {(c) => <input {...c} ref={fileRef} type="file" accept=".json,application/json" onChange={() => setLoaded(null)} />}
      </Field>
      <details className="legend">
        <summary>{t('calendar.upload.formatSummary')}</summary>
        <div className="legend__list">
          <p>{t('calendar.upload.formatIntro')}</p>
          <pre className="cal-example">{t('calendar.upload.example')}</pre>
        </div>
      </details>
      <div className="form__buttons">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {t('calendar.upload.submit')}
        </button>
        <span className="form__pending" role="status">
          {pending ? t('calendar.upload.loading') : ''}
        </span>
      </div>
      <p className="live-message" role="status">
        {loaded && (
          <>
            {t('calendar.upload.loaded', { country: formatCountry(loaded.country), year: loaded.year })}{' '}
            <Link to={{ search: `?year=${loaded.year}` }}>{t('calendar.upload.show', { year: loaded.year })}</Link>
          </>
        )}
      </p>
    </form>
  );
}
