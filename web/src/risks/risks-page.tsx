import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { risksCsv } from '../csv/csv-lists.js';
import { may } from '../lib/permissions.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useRisks } from '../lib/record-queries.js';
import type { Risk } from '../lib/records-api.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { BandLegend } from './band-legend.js';
import { type Basis, HeatMap } from './heat-map.js';
import { type OpenRiskDialog, RiskDialogs } from './risk-dialogs.js';
import { RiskRegisterTable } from './risk-register-table.js';
import { noRiskRights, registerOrder, riskRights } from './risk-rights.js';
import { RisksAnswer } from './risks-answer.js';

/** The risk register and its 5×5 heat map (current or residual scores). */
export function RisksPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const register = useRisks(programId);
  const people = useProgramPeople(programId).data?.items ?? [];
  const heatId = useId();
  const registerId = useId();
  const [basis, setBasis] = useState<Basis>('current');
  const [open, setOpen] = useState<OpenRiskDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  useHashTarget(register.data !== undefined);

  const items = register.data?.items;
  const risks = useMemo(() => (items ? [...items].sort(registerOrder) : undefined), [items]);
  const titles = useMemo(() => new Map((items ?? []).map((r) => [r.key, r.title])), [items]);
  const can = program.data?.can;
  const mayRaise = can !== undefined && may(can, 'risk.raise', null, me.id);
  const mayChange = can !== undefined && (can['risk.update'] !== 'no' || can['risk.end'] !== 'no');
  const rightsFor = (r: Risk) => (can ? riskRights(can, r, me.id) : noRiskRights);

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('risks.title')}>
        {items && <RisksAnswer risks={items} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      {register.error ? (
        <LoadError title={t('risks.loadFailed')} error={register.error} onRetry={() => void register.refetch()} />
      ) : (
        <>
          <section className="section" aria-labelledby={heatId}>
            <div className="section__head">
              <h2 id={heatId}>{t('risks.heat.heading')}</h2>
              {mayRaise && (
                <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'raise' })}>
                  {t('risks.raise')}
                </button>
              )}
            </div>
            <p className="section__intro">{t('risks.heat.intro')}</p>
            <HeatMap programId={programId} cells={register.data?.heatMap[basis]} titles={titles} basis={basis} onBasis={setBasis} />
            <BandLegend />
          </section>
          <section className="section" aria-labelledby={registerId}>
            <div className="section__head">
              <h2 id={registerId}>{t('risks.registerHeading')}</h2>
              {risks && <CsvButton fileName={csvFileName(programId, 'risks')} load={async () => risksCsv(t, risks)} />}
            </div>
            <RiskRegisterTable
              programId={programId}
              risks={risks}
              rightsFor={mayChange ? rightsFor : null}
              onAction={(kind, r) => setOpen({ kind, id: r.id })}
            />
          </section>
        </>
      )}
      <RiskDialogs
        programId={programId}
        open={open}
        mayRaise={mayRaise}
        rightsFor={rightsFor}
        find={(id) => items?.find((r) => r.id === id)}
        people={people}
        onClose={() => setOpen(null)}
        onDone={(message) => {
          setAnnouncement(message);
          setOpen(null);
        }}
      />
    </>
  );
}
