import type { ReportIssue } from '../domain/report/issued-report.js';
import type { LeadershipView } from '../domain/report/leadership-view.js';
import type { WeeklyReport } from '../domain/report/weekly-report.js';
import type { Principal } from '../domain/roles.js';
import type { Clock, PasswordHasher, Store } from './ports.js';

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly passwords: PasswordHasher;
  /**
   * E-mail is on (TOLLGATE_SMTP_URL): notices are then also queued as e-mails, with links from `publicUrl`.
   * Absent: e-mail is off and nothing is queued, so turning it on later sends no backlog.
   */
  readonly mail?: MailSetup | undefined;
  /** Demo mode (TOLLGATE_DEMO, `serve --demo`, the demo loader): the published demo password may be chosen. */
  readonly demo?: boolean | undefined;
  /**
   * The caller ignores what writes answer beyond the saved record (the demo loader): milestone writes
   * then answer without the figures that would be read after commit (health signals, owner, blockers).
   */
  readonly bareAnswers?: boolean | undefined;
}

/** The person on whose behalf a use case runs, with their roles; the change log names them. */
export type Actor = Principal;

/** What use cases need to know of e-mail: that it is on, and the address its links lead to. */
export interface MailSetup {
  /** The address people reach Tollgate at (TOLLGATE_PUBLIC_URL), without a trailing slash. */
  readonly publicUrl: string;
  /** The PDF of an issued weekly report, attached to its e-mail (pdf/weekly-report-pdf.ts, composed in main/). */
  readonly reportPdf: (report: WeeklyReport, issue: ReportIssue) => Promise<Uint8Array>;
  /** The PDF of a week's leadership view, attached to the subscribers' e-mail (pdf/leadership-pdf.ts). */
  readonly leadershipPdf: (view: LeadershipView, asOf: string) => Promise<Uint8Array>;
}
