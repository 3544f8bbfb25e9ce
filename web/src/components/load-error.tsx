import { useTranslation } from 'react-i18next';
import { useProblemText } from '../forms/problem-text.js';
import { ApiError } from '../lib/http.js';

interface Props {
  title: string;
  error: unknown;
  onRetry?: (() => void) | undefined;
}

/**
 * Whether asking again could bring a different answer: not for a refusal (a 4xx other than a timeout
 * or a rate limit), such as a page the person may not use: "Try again" would only fail again.
 */
export const isWorthRetrying = (error: unknown): boolean =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429);

/** A failed load: what failed, the server's reason, and a way to try again when trying again may help. */
export function LoadError({ title, error, onRetry }: Props) {
  const { t } = useTranslation();
  const text = useProblemText();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{forbidden ? t('errors.notAvailableTitle') : title}</p>
      <p>{text(error)}</p>
      {onRetry && isWorthRetrying(error) && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
