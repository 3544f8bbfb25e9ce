import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { PageTitle } from '../components/page-title.js';
import { paths } from '../records/paths.js';
import { MyRoles } from './my-roles.js';
import { ProgramTabs } from './program-tabs.js';

interface Props {
  code: string;
  program: ProgramSummary | undefined;
  /** The page's name, e.g. "Decisions". */
  title: string;
  /** The answer first: one or two plain lines. */
  children?: ReactNode;
}

/** The head of a program's Decisions, Risks and Actions pages, with the program's sub-navigation. */
export function RecordsHeader({ code, program, title, children }: Props) {
  return (
    <>
      <PageTitle page={program ? `${title} · ${program.name}` : title} />
      <header className="page-head">
        <p className="eyebrow">
          <Link to={paths.program(code)}>{program?.name ?? code}</Link>
          <span className="code">{code}</span>
          {program && <MyRoles program={program} />}
        </p>
        <h1>{title}</h1>
        {children}
      </header>
      <ProgramTabs code={code} program={program} />
    </>
  );
}
