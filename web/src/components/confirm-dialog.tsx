import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDialog } from '../forms/form-dialog.js';
import { useFormMutation } from '../forms/use-form-mutation.js';

interface Props {
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  /** The button that does it, e.g. "Remove person". */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before something that cannot be undone; a refusal stays in the dialog with its reason. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const form = useFormMutation({ schema: z.object({}), defaultValues: {}, send: onConfirm });
  return (
    <FormDialog
      title={title}
      form={form}
      onClose={onClose}
      problemTitle={t('confirm.problemTitle')}
      submitLabel={confirmLabel}
      pendingLabel={t('common.working')}
      isDanger
    >
      <div className="form__context">{children}</div>
    </FormDialog>
  );
}
