import { categoryName } from "~/i18n/labels";
import type { MailTemplate } from "../render";

// To an entrant's members (db/queries/panel-mail.ts notifyResults): the category's results are
// public; where the winners are and where their own scorecard is.
export const resultsPublished: MailTemplate<"results_published"> = (p, { t }) => {
  const category = categoryName(t, p.categoryKey);
  return {
    title: t("mail.results.title", { category }),
    blocks: [
      { kind: "p", text: t("mail.results.intro", { category }) },
      { kind: "link", label: t("mail.results.winners"), path: `/winners/${p.editionId}` },
      { kind: "link", label: t("mail.results.scorecard"), path: `/portal/entries/${p.entryId}/scorecard` },
    ],
  };
};
