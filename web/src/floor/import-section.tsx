import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../forms/problem-text.js';
import { EventOutcome } from './event-outcome.js';
import { floorApi, type ImportResult, invalidateFloor } from './floor-api.js';

/** Upload a CSV file of events: every row's result and error first, then one confirm writes them all (or none). */
export function ImportSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const headingId = useId();
  const fileId = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (text: string, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await floorApi.importCsv(programId, text, dryRun);
      if (dryRun) setPreview(r);
      else {
        setDone(r);
        setPreview(null);
        setCsv(null);
        await invalidateFloor(client, programId);
      }
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const bad = preview?.rows.filter((r) => !r.isOk).length ?? 0;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('floor.import.heading')}</h2>
      <p className="field__hint">{t('floor.import.hint')}</p>
      <div className="field">
        <label htmlFor={fileId} className="field__label">
          {t('floor.import.file')}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            setDone(null);
            setPreview(null);
            if (!f) return;
            const text = await f.text();
            setCsv(text);
            await run(text, true);
          }}
        />
      </div>
      {error && (
        <p role="alert" className="form__error">
          {error}
        </p>
      )}
      <p className="live-message" role="status">
        {preview &&
          (bad === 0
            ? t('floor.import.allOk', { count: preview.rows.length })
            : t('floor.import.someBad', { count: bad, total: preview.rows.length }))}
        {done && t('floor.import.done', { count: done.written })}
      </p>
      {preview && (
        <>
          <div className="table-scroll">
            <table className="table table--import">
              <caption className="table__caption">{t('floor.import.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('floor.import.row')}</th>
                  <th scope="col">{t('floor.import.line')}</th>
                  <th scope="col">{t('floor.import.result')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    <td>{r.line}</td>
                    <td>
                      {r.event ? (
                        <>
                          <strong>
                            {t('floor.import.ok')} {t(`floor.kind.${r.event.kind}`)}: {r.event.title}
                          </strong>
                          <EventOutcome event={r.event} />
                        </>
                      ) : (
                        <ul className="form__error">
                          {r.errors.map((e) => (
                            <li key={e.column + e.message}>
                              <span className="code">{e.column}</span> {e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || bad > 0 || csv === null}
            onClick={() => csv && void run(csv, false)}
          >
            {t('floor.import.confirm', { count: preview.rows.length })}
          </button>
          {bad > 0 && <p className="field__hint">{t('floor.import.fixFirst')}</p>}
        </>
      )}
    </section>
  );
}
