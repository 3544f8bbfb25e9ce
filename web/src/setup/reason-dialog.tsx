import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReasonSchema } from '../../../src/contract/common.js';
import { FormDialog } from '../forms/form-dialog.js';
import { TextField } from '../forms/text-field.js';
import { useFormMutation } from '../forms/use-form-mutation.js';

interface Props {
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** A red button, for taking something away (archive). */
  isDanger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

const ReasonForm = z.object({ reason: ReasonSchema.min(1) });

/** Asks before archiving or restoring, with the reason kept in the change log. */
export function ReasonDialog({ title, children, confirmLabel, isDanger = false, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const form = useFormMutation({
    schema: ReasonForm,
    defaultValues: { reason: '' },
    required: { reason: t('setup.reasonRequired') },
    send: ({ reason }) => onConfirm(reason),
  });
  return (
    <FormDialog
      title={title}
      form={form}
      onClose={onClose}
      problemTitle={t('confirm.problemTitle')}
      submitLabel={confirmLabel}
      pendingLabel={t('common.working')}
      isDanger={isDanger}
    >
      <div className="form__context">{children}</div>
      <TextField name="reason" label={t('setup.reason')} hint={t('setup.reasonHint')} rows={2} isRequired />
    </FormDialog>
  );
}
