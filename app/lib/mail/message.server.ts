import { isLocale, translator, DEFAULT_LOCALE } from "~/i18n";
import "~/i18n/texts.server";
import type { MailEvent, MailParams } from "~/domain/notifications";
import { publicBase } from "../config.server";
import { renderContent, type MailContent, type MailTemplate, type RenderedMail } from "./render";
import { templates } from "./templates";
import { unsubscribePath } from "./unsubscribe.server";

/** The parts of an outbox row a message is written from. */
export interface OutboxMessage {
  event: MailEvent;
  /** JSON of the event's facts, as stored. */
  params: string;
  locale: string;
  user_id: number | null;
}

/** The content (title and blocks) of a stored message in its recipient's language. */
export function messageContent(row: OutboxMessage): MailContent {
  const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
  const template = templates[row.event] as MailTemplate<MailEvent> | undefined;
  if (!template) throw new Error(`No template for the message event "${row.event}"`);
  return template(JSON.parse(row.params) as MailParams, { t: translator(locale), locale });
}

/** Subject, text and HTML of a stored message, every link absolute from PUBLIC_URL. */
export function renderMessage(row: OutboxMessage): RenderedMail {
  const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
  const base = publicBase();
  const params = JSON.parse(row.params) as { editionName?: string | null };
  const unsubscribeUrl =
    row.event === "reminder" && row.user_id !== null ? `${base}${unsubscribePath(row.user_id)}` : null;
  return renderContent(messageContent(row), params.editionName ?? null, {
    t: translator(locale),
    locale,
    base,
    unsubscribeUrl,
  });
}
