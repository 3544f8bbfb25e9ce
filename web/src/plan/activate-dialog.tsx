import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ApiError } from '../lib/http.js';
import { invalidatePlanView, type Plan, planViewApi } from '../lib/plan-view-queries.js';
import { paths } from '../records/paths.js';

interface Props {
  programId: string;
  plan: Plan;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Asks before the program goes active and today's forecasts become baseline 0: it cannot be undone. */
export function ActivateDialog({ programId, plan, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Refused for an incomplete charter: the way to fix it is one click away.
  const [isCharterMissing, setCharterMissing] = useState(false);
  return (
    <ConfirmDialog
      title={t('plan.activate.title', { code: plan.code })}
      confirmLabel={t('plan.activate.button')}
      onClose={onClose}
      onConfirm={async () => {
        let baseline: Awaited<ReturnType<typeof planViewApi.activate>>;
        try {
          baseline = await planViewApi.activate(programId, { version: plan.version });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CHARTER_INCOMPLETE') setCharterMissing(true);
          throw error;
        }
        onDone(t('plan.activate.done', { code: plan.code, count: baseline.milestoneCount }));
        await invalidatePlanView(client, programId);
      }}
    >
      <p>
        {plan.status === 'draft'
          ? t('plan.activate.whatDraft', { code: plan.code, count: plan.rows.length })
          : t('plan.activate.what', { code: plan.code, count: plan.rows.length })}
      </p>
      <p>{t('plan.activate.after')}</p>
      {isCharterMissing && (
        <p>
          <Link to={paths.charter(plan.code)}>{t('plan.activate.openCharter', { code: plan.code })}</Link>
        </p>
      )}
    </ConfirmDialog>
  );
}
