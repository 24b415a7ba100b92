import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// To the organisation's members (db/queries/registrations.ts): rejected, with the committee's reason.
export const registrationRejected: MailTemplate<"registration_rejected"> = (p, { t }) => ({
  title: t("mail.registrationRejected.title"),
  blocks: [
    {
      kind: "p",
      text: t("mail.registrationRejected.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    { kind: "rows", rows: [...entrantRows(t, p), [t("mail.entrant.reason"), p.reason]] },
    { kind: "link", label: t("mail.entrant.portalLink"), path: "/portal" },
  ],
});
