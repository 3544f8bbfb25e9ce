import { useTranslation } from 'react-i18next';

/** Opens the browser's print dialog; the print layout (styles.css, @media print) leaves out navigation and buttons. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--secondary print-button" onClick={() => window.print()}>
      {t('print.button')}
    </button>
  );
}
