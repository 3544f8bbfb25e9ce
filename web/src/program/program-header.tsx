import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { EscalationCounts } from '../escalations/escalation-counts.js';
import { MyRoles } from './my-roles.js';
import { ProgramAnswers } from './program-answers.js';
import { ProgramFacts } from './program-facts.js';

export function ProgramHeader({ program: p }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  return (
    <header className="page-head">
      <p className="eyebrow">
        <span className="code">
          <span className="visually-hidden">{t('program.code')} </span>
          {p.code}
        </span>
        <span className={`status status--${p.status}`}>{t(`status.${p.status}`)}</span>
        <MyRoles program={p} />
      </p>
      <h1>{p.name}</h1>
      <EscalationCounts program={p} className="escalation-counts escalation-counts--header" />
      <ProgramAnswers program={p} />
      <ProgramFacts program={p} />
    </header>
  );
}
