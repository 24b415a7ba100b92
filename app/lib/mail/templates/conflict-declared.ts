import { categoryName, conflictKindName } from "~/i18n/labels";
import type { MailTemplate } from "../render";

// To the committee (db/queries/panel-mail.ts notifyConflict): who declared a conflict, with which
// entrant and of which kind; the assignment page is where it is resolved.
export const conflictDeclared: MailTemplate<"conflict_declared"> = (p, { t }) => ({
  title: t("mail.conflict.title"),
  blocks: [
    { kind: "p", text: t("mail.conflict.intro", { assessor: p.assessorName }) },
    {
      kind: "rows",
      rows: [
        [t("mail.conflict.assessor"), p.assessorName],
        [t("mail.conflict.organisation"), p.organisationName],
        [t("mail.conflict.category"), categoryName(t, p.categoryKey)],
        [t("mail.conflict.kind"), conflictKindName(t, p.kind)],
      ],
    },
    { kind: "link", label: t("mail.conflict.open"), path: `/committee/${p.editionId}/assign` },
  ],
});
