import { useTranslation } from 'react-i18next';
import { useProblemText } from '../forms/problem-text.js';

interface Props {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: what failed, the server's reason, and a way to try again. */
export function LoadError({ title, error, onRetry }: Props) {
  const { t } = useTranslation();
  const text = useProblemText();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
