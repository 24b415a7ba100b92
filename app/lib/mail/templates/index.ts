import type { MailEvent } from "~/domain/notifications";
import type { MailTemplate } from "../render";
import { assignment } from "./assignment";
import { conflictDeclared } from "./conflict-declared";
import { stageClosed } from "./stage-closed";
import { resultsPublished } from "./results-published";
import { reminder } from "./reminder";

// Each event's template, in a file of its own (texts: app/i18n/messages/mail-*.ts).
type Templates = { [E in MailEvent]?: MailTemplate<E> };

export const templates: Templates = {
  assignment,
  conflict_declared: conflictDeclared,
  stage_closed: stageClosed,
  results_published: resultsPublished,
  reminder,
};
