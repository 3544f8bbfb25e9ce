import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from './form-problem.js';
import { ModalDialog } from './modal-dialog.js';
import { useProblemText } from './problem-text.js';

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
  const problemText = useProblemText();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      await onConfirm();
    } catch (error) {
      setProblem(problemText(error));
      setPending(false);
    }
  };

  return (
    <ModalDialog title={title} onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormProblem title={t('confirm.problemTitle')} message={problem} />
        <div className="form__context">{children}</div>
        <div className="form__buttons">
          <button type="submit" className="button button--danger" aria-disabled={pending || undefined}>
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <span className="form__pending" role="status">
            {pending ? t('common.working') : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
