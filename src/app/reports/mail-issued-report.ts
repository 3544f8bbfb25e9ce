import { renderReportMail } from '../../domain/mail/report-mail.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { WeeklyReport } from '../../domain/report/weekly-report.js';
import type { AppDeps } from '../deps.js';
import { mailAttachmentMaxBytes, type NewMail, type Tx } from '../ports.js';

/** The page of an issued report in the web app. */
export const issuedReportPath = (programCode: string, week: string, revision: number): string =>
  `/programs/${encodeURIComponent(programCode)}/reports/${week}/${revision}`;

/** The file name of a report's PDF: program, week and, for a correction, its revision. */
export const reportPdfName = (programCode: string, week: string, revision: number): string =>
  `${programCode.replace(/[^A-Za-z0-9._-]+/g, '_')}-${week}${revision > 1 ? `-r${revision}` : ''}.pdf`;

/**
 * Queues the e-mail of an issued report to the charter's recipients (its people who can sign in, and its
 * outside addresses), each with the PDF attached, in the issuing transaction: a refused issue sends
 * nothing, an issued one is sent after commit, once per recipient and revision. Nothing while e-mail is
 * off. Answers how many were queued.
 */
export async function mailIssuedReport(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
  tx: Tx,
  programId: AuthorizedProgramId,
  issued: {
    readonly id: string;
    readonly report: WeeklyReport;
    readonly revision: number;
    readonly corrections: readonly string[];
    readonly at: string;
  },
): Promise<number> {
  const mail = deps.mail;
  if (!mail) return 0;
  const charter = await tx.findCharter(programId);
  const schedule = charter?.charter.weeklyReport;
  if (!schedule) return 0;
  const people = (await tx.findUsers(schedule.recipientIds)).filter((u) => u.status === 'active');
  const addresses = new Map<string, string | null>();
  for (const p of people) addresses.set(p.email.toLowerCase(), p.id);
  for (const e of schedule.recipientEmails) if (!addresses.has(e.toLowerCase())) addresses.set(e.toLowerCase(), null);
  if (addresses.size === 0) return 0;
  const { report, revision } = issued;
  const rendered = renderReportMail({
    report,
    revision,
    corrections: issued.corrections,
    link: `${mail.publicUrl}${issuedReportPath(report.program.code, report.week, revision)}`,
  });
  const pdf = await mail.reportPdf(report);
  if (pdf.length > mailAttachmentMaxBytes) throw new Error(`The report's PDF is ${pdf.length} bytes, over the e-mail limit.`);
  const attachment = { filename: reportPdfName(report.program.code, report.week, revision), contentType: 'application/pdf', content: pdf };
  const mails: NewMail[] = [...addresses].map(([to, recipientId]) => ({
    id: deps.newId(),
    recipientId: recipientId as NewMail['recipientId'],
    to,
    kind: 'report_issued',
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    unsubscribeUrl: null,
    dedupeKey: `report:${issued.id}:${to}`,
    at: issued.at,
    attachment,
  }));
  return tx.enqueueMails(mails);
}
