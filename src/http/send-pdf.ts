import type { FastifyReply } from 'fastify';

/**
 * A PDF as a download, never kept by a cache: what it shows (who accepted what, a report, the portfolio)
 * changes, and so does who may read it. Every PDF route sends through here.
 */
export const sendPdf = (res: FastifyReply, pdf: Buffer, fileName: string) =>
  res
    .code(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
