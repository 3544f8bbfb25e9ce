import type * as GatePack from './gate-pack.js';
import type * as Leadership from './leadership-pdf.js';
import type * as WeeklyReport from './weekly-report-pdf.js';

/*
 * The PDF renderers, each loaded on its first use. pdfkit, fontkit and the charts a report draws
 * (echarts) are ~1,300 modules and ~6 MB of source that a server answering pages, or a CLI command,
 * needs only when it makes a PDF: imported at start they held ~77 MB of an idle server's memory.
 * Everything outside pdf/ that makes a PDF calls these.
 */

export const renderGatePack: typeof GatePack.renderGatePack = async (...args) => (await import('./gate-pack.js')).renderGatePack(...args);

export const renderIssuedReportPdf: typeof WeeklyReport.renderIssuedReportPdf = async (...args) =>
  (await import('./weekly-report-pdf.js')).renderIssuedReportPdf(...args);

export const renderLeadershipPdf: typeof Leadership.renderLeadershipPdf = async (...args) =>
  (await import('./leadership-pdf.js')).renderLeadershipPdf(...args);
