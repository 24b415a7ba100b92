import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the test process (issue 15): the sender talks to it over TCP as it would to
// a mail provider, and what arrives is parsed with mailparser, never matched as a string.

export interface TestSmtpServer {
  /** SMTP_URL for it: smtp://127.0.0.1:<port> (plain, no auth). */
  url: string;
  /** Every message accepted, parsed, in order of arrival. */
  received: ParsedMail[];
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on a free port. `reply(rcpt, attempt)` may refuse a recipient with an SMTP
 * code (451: try later, 550: never) instead of accepting it; `attempt` counts the tries for that
 * recipient, from 1.
 */
export async function startSmtpServer(
  opts: { reply?: (rcpt: string, attempt: number) => number | undefined } = {},
): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rcpt = address.address.toLowerCase();
      const attempt = (attempts.get(rcpt) ?? 0) + 1;
      attempts.set(rcpt, attempt);
      const code = opts.reply?.(rcpt, attempt);
      if (code === undefined) return callback();
      const err = Object.assign(new Error(`${code} test server refuses ${rcpt} (attempt ${attempt})`), {
        responseCode: code,
      });
      callback(err);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
