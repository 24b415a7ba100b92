import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// To the person who registered an organisation (db/queries/registrations.ts): it awaits approval.
export const registrationReceived: MailTemplate<"registration_received"> = (p, { t }) => ({
  title: t("mail.registrationReceived.title"),
  blocks: [
    {
      kind: "p",
      text: t("mail.registrationReceived.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    { kind: "rows", rows: entrantRows(t, p) },
    { kind: "link", label: t("mail.entrant.portalLink"), path: "/portal" },
  ],
});
