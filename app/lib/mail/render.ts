// Writing a message from the outbox: its template (./templates) gives a title and blocks in the
// recipient's language; this turns them into the subject, a plain-text body and a simple HTML body
// with every link absolute (PUBLIC_URL). The same blocks are shown in the app ("Pesan").
import type { Locale, T } from "~/i18n";
import type { MailEvent, MailParams } from "~/domain/notifications";

/** One piece of a message body. Paths are of this site ("/portal"); they are made absolute here. */
export type MailBlock =
  | { kind: "p"; text: string }
  | { kind: "link"; label: string; path: string }
  | { kind: "rows"; rows: readonly (readonly [string, string])[] }
  | { kind: "list"; items: readonly string[] };

export interface MailContent {
  /** What the message is about; the subject is this and the edition's name. */
  title: string;
  blocks: MailBlock[];
}

export type MailTemplate<E extends MailEvent> = (params: MailParams<E>, ctx: { t: T; locale: Locale }) => MailContent;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** For reminders: where the recipient turns them off (also the List-Unsubscribe header). */
  unsubscribeUrl: string | null;
}

export interface RenderContext {
  t: T;
  locale: Locale;
  /** PUBLIC_URL without a trailing slash. */
  base: string;
  /** The absolute address that turns this recipient's reminders off (reminders only), else null. */
  unsubscribeUrl: string | null;
}

/** A message's subject: what it is about and the edition's name (also listed in the app). */
export function mailSubject(title: string, editionName: string | null | undefined): string {
  return editionName ? `${title} — ${editionName}` : title;
}

/** Subject, text and HTML of a message's content, with the common greeting and footer. */
export function renderContent(content: MailContent, editionName: string | null, ctx: RenderContext): RenderedMail {
  const { t, base } = ctx;
  const subject = mailSubject(content.title, editionName);
  const footer: MailBlock[] = [{ kind: "p", text: t("mail.footer.automatic") }];
  footer.push({ kind: "link", label: t("mail.footer.inbox"), path: "/messages" });
  const blocks = [...content.blocks, ...footer];
  const text = [
    t("mail.greeting"),
    ...blocks.map((b) => blockText(b, base)),
    ...(ctx.unsubscribeUrl ? [`${t("mail.footer.unsubscribe")}: ${ctx.unsubscribeUrl}`] : []),
  ].join("\n\n");
  const html = [
    `<!doctype html><html lang="${ctx.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem">`,
    `<p>${escapeHtml(t("mail.greeting"))}</p>`,
    ...blocks.map((b) => blockHtml(b, base)),
    ...(ctx.unsubscribeUrl
      ? [
          `<p style="font-size:small"><a href="${escapeHtml(ctx.unsubscribeUrl)}">${escapeHtml(t("mail.footer.unsubscribe"))}</a></p>`,
        ]
      : []),
    `</body></html>`,
  ].join("\n");
  return { subject, text, html, unsubscribeUrl: ctx.unsubscribeUrl };
}

function absolute(path: string, base: string): string {
  return /^https?:\/\//.test(path) ? path : `${base}${path}`;
}

function blockText(b: MailBlock, base: string): string {
  switch (b.kind) {
    case "p":
      return b.text;
    case "link":
      return `${b.label}:\n${absolute(b.path, base)}`;
    case "rows":
      return b.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "list":
      return b.items.map((item) => `- ${item}`).join("\n");
  }
}

function blockHtml(b: MailBlock, base: string): string {
  switch (b.kind) {
    case "p":
      return `<p>${escapeHtml(b.text)}</p>`;
    case "link":
      return `<p><a href="${escapeHtml(absolute(b.path, base))}">${escapeHtml(b.label)}</a></p>`;
    case "rows":
      return `<table style="border-collapse:collapse">${b.rows
        .map(
          ([label, value]) =>
            `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0;word-break:break-all">${escapeHtml(value)}</td></tr>`,
        )
        .join("")}</table>`;
    case "list":
      return `<ul>${b.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
