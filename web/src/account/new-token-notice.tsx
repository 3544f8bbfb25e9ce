import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/copy-field.js';
import type { CreatedToken } from '../lib/api.js';

/** The new token's secret, shown this once, with a copy button and a warning. */
export function NewTokenNotice({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="notice notice--warning" tabIndex={-1} aria-labelledby={titleId}>
      <p className="notice__title" id={titleId}>
        {t('tokens.createdTitle', { name: created.item.name })}
      </p>
      <p>{t('tokens.createdWarning')}</p>
      <CopyField label={t('tokens.secretLabel')} value={created.token} copyLabel={t('tokens.copy')} />
      <p className="muted">{t('tokens.howToUse')}</p>
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t('tokens.dismiss')}
      </button>
    </section>
  );
}
