import { useTranslation } from 'react-i18next';

/** Save and Cancel at the foot of a dialog form. */
export function FormButtons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form__buttons">
      <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
        {t('common.save')}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <span className="form__pending" role="status">
        {pending ? t('common.saving') : ''}
      </span>
    </div>
  );
}
