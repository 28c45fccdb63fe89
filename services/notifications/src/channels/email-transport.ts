import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Who accepted the message and under which id, kept on the delivery row. */
export interface SentMessage {
  provider: string;
  reference: string | null;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<SentMessage>;
  /** True when the SMTP server answers and accepts our login now. */
  verify(): Promise<boolean>;
  /** Closes the pooled connections (a message being sent finishes first). */
  close(): void;
}

export interface EmailTransportOptions {
  /** `smtp://host:port` or `smtps://…`, with optional `user:pass@`. */
  smtpUrl: string;
  /** `SIPADU <no-reply@sipadu.local>` */
  from: string;
  /** Connect and greeting limit; nodemailer's defaults (2 min) would stall the delivery worker. */
  timeoutMs?: number;
}

export function createEmailTransport(options: EmailTransportOptions): EmailTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transporter = nodemailer.createTransport({
    pool: true,
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 3 * timeoutMs,
  });
  return {
    async send(email) {
      const info = await transporter.sendMail({ from: options.from, ...email });
      return { provider: 'smtp', reference: info.messageId || null };
    },
    async verify() {
      try {
        return await transporter.verify();
      } catch {
        return false;
      }
    },
    close() {
      transporter.close();
    },
  };
}
