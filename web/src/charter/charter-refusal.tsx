import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/http.js';
import { paths } from '../records/paths.js';

/** Whether an activation was refused for an incomplete charter, and `watch` to wrap the activation with. */
export function useCharterRefusal() {
  const [isCharterMissing, setCharterMissing] = useState(false);
  const watch = async <T,>(activation: Promise<T>): Promise<T> => {
    try {
      return await activation;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CHARTER_INCOMPLETE') setCharterMissing(true);
      throw error;
    }
  };
  return { isCharterMissing, watch };
}

/** The way to fix a refused activation, one click away: the program's charter page. */
export function CharterLink({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={paths.charter(code)}>{t('plan.activate.openCharter', { code })}</Link>
    </p>
  );
}
