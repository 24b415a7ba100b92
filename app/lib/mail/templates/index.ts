import type { MailEvent } from "~/domain/notifications";
import type { MailTemplate } from "../render";
import { reminder } from "./reminder";

// Each event's template, in a file of its own (texts: app/i18n/messages/mail-*.ts).
type Templates = { [E in MailEvent]?: MailTemplate<E> };

export const templates: Templates = {
  reminder,
};
