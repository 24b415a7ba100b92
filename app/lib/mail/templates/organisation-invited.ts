import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// To a known organisation's members (db/queries/entrant-mail.ts): the committee invites it to the
// edition; they accept or decline on the portal.
export const organisationInvited: MailTemplate<"organisation_invited"> = (p, { t }) => ({
  title: t("mail.organisationInvited.title"),
  blocks: [
    {
      kind: "p",
      text: t("mail.organisationInvited.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    { kind: "rows", rows: entrantRows(t, p) },
    { kind: "link", label: t("mail.entrant.portalLink"), path: "/portal" },
  ],
});
