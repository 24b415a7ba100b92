import type { MailEvent } from "~/domain/notifications";
import type { MailTemplate } from "../render";
import { assignment } from "./assignment";
import { conflictDeclared } from "./conflict-declared";
import { stageClosed } from "./stage-closed";
import { resultsPublished } from "./results-published";
import { reminder } from "./reminder";
import { invitation } from "./invitation";
import { organisationInvited } from "./organisation-invited";
import { registrationReceived } from "./registration-received";
import { registrationApproved } from "./registration-approved";
import { registrationRejected } from "./registration-rejected";
import { entrySubmitted } from "./entry-submitted";
import { entryReopened } from "./entry-reopened";

// Each event's template, in a file of its own (texts: app/i18n/messages/mail-*.ts). Every event has
// one: the type refuses a missing template.
type Templates = { [E in MailEvent]: MailTemplate<E> };

export const templates: Templates = {
  assignment,
  conflict_declared: conflictDeclared,
  stage_closed: stageClosed,
  results_published: resultsPublished,
  reminder,
  invitation,
  organisation_invited: organisationInvited,
  registration_received: registrationReceived,
  registration_approved: registrationApproved,
  registration_rejected: registrationRejected,
  entry_submitted: entrySubmitted,
  entry_reopened: entryReopened,
};
