import nodemailer from "nodemailer";

// The way out for mail (issue 15): SMTP through nodemailer, configured by SMTP_URL and MAIL_FROM.
// Without SMTP_URL there is no transport: messages stay in the outbox and show in the app.

export const DEFAULT_MAIL_FROM = "Paritrana Award <no-reply@paritrana.invalid>";

/** One message as handed to the mail server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  /** Sends one message; rejects with nodemailer's error (responseCode, code) when it is not taken. */
  send(msg: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The transport SMTP_URL names (smtp://user:pass@host:587, STARTTLS when the server offers it;
 * smtps://…:465 for TLS from the start), or null without SMTP_URL. A setting that is not such an
 * address throws a message for the operator (the server stops at start with it).
 */
export function mailTransport(env: Record<string, string | undefined> = process.env): MailTransport | null {
  const setting = env.SMTP_URL?.trim();
  if (!setting) return null;
  let url: URL;
  try {
    url = new URL(setting);
  } catch {
    throw new Error(`SMTP_URL must be an address such as smtp://user:password@mail.example.org:587, not "${setting}"`);
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname)
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// and name a host, not "${setting}"`);
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const secure = url.protocol === "smtps:";
  const mailer = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A dead or silent server must not hold the sender loop for minutes (nodemailer waits 2 min
    // for a connection and 10 min on a socket by default).
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 20_000,
  });
  return {
    async send(msg) {
      await mailer.sendMail({ from, ...msg });
    },
    close: () => mailer.close(),
  };
}
