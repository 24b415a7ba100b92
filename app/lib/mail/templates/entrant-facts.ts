import type { T } from "~/i18n";
import type { MailParamsOf } from "~/domain/notifications";
import { categoryName } from "~/i18n/labels";

// The rows every entrant message shows: edition, organisation and category.
export function entrantRows(
  t: T,
  p: Pick<MailParamsOf["registration_received"], "editionName" | "organisationName" | "categoryKey">,
): [string, string][] {
  return [
    [t("mail.entrant.edition"), p.editionName],
    [t("mail.entrant.organisation"), p.organisationName],
    [t("mail.entrant.category"), categoryName(t, p.categoryKey)],
  ];
}
