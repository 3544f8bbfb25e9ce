import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IssueReportSchema } from '../../../src/contract/report.js';
import { CheckboxField } from '../forms/checkbox-field.js';
import { MutationForm } from '../forms/mutation-form.js';
import { FormRefusal, useFormMutation } from '../forms/use-form-mutation.js';
import { paths } from '../records/paths.js';
import { invalidateWeek, reportsApi } from './reports-api.js';

interface Props {
  programId: string;
  week: string;
  findings: number;
  latestRevision: number | null;
}

const IssueForm = IssueReportSchema.pick({ acknowledgeFindings: true });

/**
 * Issue the week (the cadence owner): frozen as its next revision and sent to the charter's recipients; with
 * lint findings left, only with the acknowledgement ticked, which the report records. Then the issued revision opens.
 */
export function IssueReportForm({ programId, week, findings, latestRevision }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useFormMutation({
    schema: IssueForm,
    defaultValues: { acknowledgeFindings: false },
    send: (v) => {
      if (findings > 0 && !v.acknowledgeFindings) throw new FormRefusal(t('reports.draft.issue.needsAcknowledging', { count: findings }));
      return reportsApi.issue(programId, week, { acknowledgeFindings: v.acknowledgeFindings === true });
    },
    onSaved: (issued) => navigate(`${paths.program(programId)}/reports/${issued.week}/${issued.revision}`),
    refresh: () => invalidateWeek(client, programId),
  });
  return (
    <MutationForm
      form={form}
      aria-label={t('reports.draft.issue.heading')}
      submitLabel={
        latestRevision === null
          ? t('reports.draft.issue.submit')
          : t('reports.draft.issue.submitRevision', { revision: latestRevision + 1 })
      }
      pendingLabel={t('reports.draft.issue.pending')}
    >
      <p>
        {latestRevision === null ? t('reports.draft.issue.intro') : t('reports.draft.issue.introRevision', { revision: latestRevision })}
      </p>
      {findings > 0 && <CheckboxField name="acknowledgeFindings" label={t('reports.draft.issue.acknowledge', { count: findings })} />}
    </MutationForm>
  );
}
