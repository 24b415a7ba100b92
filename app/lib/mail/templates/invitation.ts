import { formatDate } from "~/i18n/format";
import { categoryName } from "~/i18n/labels";
import type { MailBlock, MailTemplate } from "../render";

// A one-time invitation link to the address it was made for (db/queries/entrant-mail.ts
// enqueueInvitation): who invites, to what (edition and role, category, or organisation), until when.
export const invitation: MailTemplate<"invitation"> = (p, { t, locale }) => {
  const inviter = p.inviterName || t("mail.invitation.committee");
  const edition = p.editionName ?? "";
  const organisation = p.organisationName ?? "";
  const category = p.categoryKey ? categoryName(t, p.categoryKey) : "";
  const date = formatDate(p.expiresAt, locale, true);
  const rows: [string, string][] = [];
  if (p.editionName) rows.push([t("mail.entrant.edition"), p.editionName]);
  let intro: string;
  if (p.kind === "organisation") {
    intro = t("mail.invitation.intro.organisation", { inviter, edition, category });
    rows.push([t("mail.entrant.category"), category]);
  } else if (p.kind === "member") {
    intro = t("mail.invitation.intro.member", { inviter, organisation });
    rows.push([t("mail.entrant.organisation"), organisation]);
  } else {
    const role = t(`role.${p.kind}`);
    intro = t("mail.invitation.intro.panel", { inviter, edition, role });
    rows.push([t("mail.entrant.role"), role]);
  }
  rows.push([t("mail.entrant.invitedBy"), inviter], [t("mail.entrant.validUntil"), date]);
  const blocks: MailBlock[] = [
    { kind: "p", text: intro },
    { kind: "rows", rows },
    // The link is dropped from the stored message once it was sent (paramsAfterSending).
    ...(p.path ? [{ kind: "link" as const, label: t("mail.invitation.link"), path: p.path }] : []),
    { kind: "p", text: t("mail.invitation.once", { date }) },
    { kind: "p", text: t("mail.invitation.ignore") },
  ];
  return {
    title: p.kind === "member" ? t("mail.invitation.titleMember", { organisation }) : t("mail.invitation.title"),
    blocks,
  };
};
