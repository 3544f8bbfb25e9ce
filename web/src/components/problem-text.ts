import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../lib/api.js';

/** The words to show for a failed request: the server's own detail when it sent one. */
export function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR) return t('errors.network');
      if (error.code === UNEXPECTED_RESPONSE || !error.problem.detail) {
        return error.problem.title && error.code !== UNEXPECTED_RESPONSE
          ? error.problem.title
          : t('errors.unexpected', { status: error.status });
      }
      return error.problem.detail;
    }
    return t('errors.network');
  };
}
