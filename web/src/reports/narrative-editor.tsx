import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SetNarrativeSchema } from '../../../src/contract/report.js';
import { MutationForm } from '../forms/mutation-form.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';
import { invalidateWeek, reportsApi } from './reports-api.js';

interface Props {
  programId: string;
  week: string;
  /** The narrative and its version as last read. */
  narrative: string;
  version: number;
}

const NarrativeForm = SetNarrativeSchema.omit({ version: true });

/** The cadence owner's words on the week, at the version read: a change saved meanwhile is refused and shown, never overwritten. */
export function NarrativeEditor({ programId, week, narrative, version }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [base, setBase] = useState(version);
  const [isFollowing, setFollowing] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormMutation({
    schema: NarrativeForm,
    defaultValues: { narrative },
    send: (v) => reportsApi.setNarrative(programId, week, { narrative: v.narrative, version: isFollowing ? version : base }),
    onSaved: (d) => {
      setBase(d.narrativeVersion);
      setFollowing(false);
      setSaved(true);
    },
    onConflict: () => {
      setFollowing(true);
      setSaved(false);
    },
    subject: { key: t('reports.draft.narrative.subject', { week }) },
    refresh: () => invalidateWeek(client, programId),
  });
  return (
    <MutationForm form={form} aria-label={t('reports.draft.narrative.heading')} submitLabel={t('reports.draft.narrative.save')}>
      {isFollowing && (
        <div className="notice notice--warning" role="status">
          <p>{t('reports.draft.narrative.conflict')}</p>
          {narrative === '' ? (
            <p className="muted">{t('reports.draft.narrative.empty')}</p>
          ) : (
            <blockquote className="pre-line">{narrative}</blockquote>
          )}
        </div>
      )}
      <TextField name="narrative" label={t('reports.draft.narrative.label')} hint={t('reports.draft.narrative.hint')} rows={6} />
      {saved && !form.pending && (
        <p className="muted" role="status">
          {t('reports.draft.narrative.saved')}
        </p>
      )}
    </MutationForm>
  );
}
