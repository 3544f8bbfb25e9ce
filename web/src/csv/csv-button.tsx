import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../forms/problem-text.js';
import { saveFile } from '../lib/save-file.js';
import { type CsvTable, toCsv } from './csv.js';

interface Props {
  /** The file name, ending in .csv. */
  fileName: string;
  /** The whole list as the page shows it, with its filters: every page, not only those loaded. */
  load: () => Promise<CsvTable>;
  /** What is downloaded, for screen readers ("Download the decisions as CSV"). */
  label?: string;
}

/** "Download CSV": reads the whole list (all pages) and saves it as a spreadsheet file. */
export function CsvButton({ fileName, load, label }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const download = async () => {
    setBusy(true);
    setFailure('');
    try {
      saveFile(fileName, toCsv(await load()), 'text/csv');
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="csv-button">
      <button type="button" className="button button--secondary" aria-label={label} disabled={busy} onClick={() => void download()}>
        {busy ? t('csv.preparing') : t('csv.download')}
      </button>
      {failure && (
        <span className="csv-button__failure" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
