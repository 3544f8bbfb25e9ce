import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CharterLink, useCharterRefusal } from '../charter/charter-refusal.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { invalidatePlanView, type Plan, planViewApi } from '../lib/plan-view-queries.js';

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
  const charter = useCharterRefusal();
  return (
    <ConfirmDialog
      title={t('plan.activate.title', { code: plan.code })}
      confirmLabel={t('plan.activate.button')}
      onClose={onClose}
      onConfirm={async () => {
        const baseline = await charter.watch(planViewApi.activate(programId, { version: plan.version }));
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
      {charter.isCharterMissing && <CharterLink code={plan.code} />}
    </ConfirmDialog>
  );
}
