import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// To the organisation's members (db/queries/progress.ts reopenEntry): the committee reopened the
// submitted entry, with its reason; it can be corrected and submitted again.
export const entryReopened: MailTemplate<"entry_reopened"> = (p, { t }) => ({
  title: t("mail.entryReopened.title"),
  blocks: [
    {
      kind: "p",
      text: t("mail.entryReopened.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    { kind: "rows", rows: [...entrantRows(t, p), [t("mail.entrant.reason"), p.reason]] },
    { kind: "link", label: t("mail.entrant.entryLink"), path: `/portal/entries/${p.entryId}` },
  ],
});
