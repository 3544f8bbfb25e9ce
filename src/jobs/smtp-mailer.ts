import nodemailer from 'nodemailer';
import type { Mailer } from '../app/ports.js';

/** The domain of a From address ("Tollgate <tollgate@example.com>" → example.com), for Message-IDs. */
const domainOf = (from: string): string => /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'tollgate.invalid';

/**
 * Sends through the SMTP server of TOLLGATE_SMTP_URL with nodemailer (smtp:// upgrades with STARTTLS when
 * offered, smtps:// is TLS from the start). Each message carries its outbox id as Message-ID, and the
 * one-click headers of RFC 8058 when it has an unsubscribe link.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  const domain = domainOf(from);
  return {
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<${m.id}@${domain}>`,
        attachments: m.attachment
          ? [{ filename: m.attachment.filename, contentType: m.attachment.contentType, content: Buffer.from(m.attachment.content) }]
          : [],
        headers: m.unsubscribeUrl
          ? { 'List-Unsubscribe': `<${m.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
      });
    },
    close: () => transport.close(),
  };
}
