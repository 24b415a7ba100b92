import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// To the organisation's members (db/queries/registrations.ts): the entry is a draft to fill in.
export const registrationApproved: MailTemplate<"registration_approved"> = (p, { t }) => ({
  title: t("mail.registrationApproved.title"),
  blocks: [
    {
      kind: "p",
      text: t("mail.registrationApproved.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    { kind: "rows", rows: entrantRows(t, p) },
    { kind: "link", label: t("mail.entrant.entryLink"), path: `/portal/entries/${p.entryId}` },
  ],
});
