import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { portalEntries } from "../../db/queries/figures";
import { answerOrganisationInvitation, openInvitationsFor } from "../../db/queries/organisation-invitations";
import { ENTRY_STATUS_TONE } from "~/domain/entry-status";
import { missedSubmission } from "~/domain/submission";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDate, formatNumber } from "~/i18n/format";
import { getDb } from "~/lib/db.server";
import { idParam, notFound, requireEntrant } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { placeText } from "~/lib/places";
import type { Level } from "../../db/schema";

/** The levels in the order of the award's flow: the provincial entries, then the national ones. */
const LEVELS: readonly Level[] = ["provincial", "national"];

// The entrant's home: the entries of the viewer's organisations (and nothing of anyone else's),
// and the committees' invitations to those organisations, which any member accepts (the entry is
// created as a draft) or declines. Entries are grouped by level (Tingkat Provinsi, Tingkat
// Nasional); a nominated national entry says which provincial result it came from.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireEntrant(request);
  const db = await getDb();
  const [entries, invitations] = await Promise.all([
    portalEntries(db, viewer.organisationIds),
    openInvitationsFor(db, viewer.organisationIds),
  ]);
  // A draft whose submission window closed says so instead of "Draf" (app/domain/submission.ts).
  return {
    entries: entries.map(({ submission, ...e }) => ({ ...e, missed: missedSubmission(e.status, submission) !== null })),
    invitations,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireEntrant(request);
  const { t } = await getT(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "accept" && intent !== "decline") notFound();
  const invitationId = idParam(String(form.get("invitationId") ?? ""));
  // Only a member of the invited organisation may answer; to anyone else it does not exist.
  const res = await answerOrganisationInvitation(await getDb(), {
    invitationId,
    userId: viewer.user.id,
    accept: intent === "accept",
  });
  if (!res.ok) {
    if (res.reason === "not_found") notFound();
    return redirect("/portal", { headers: await flash(request, t(`portal.home.refused.${res.reason}`)) });
  }
  const message = t(intent === "accept" ? "portal.home.accepted" : "portal.home.declined");
  return redirect(res.entryId ? `/portal/entries/${res.entryId}` : "/portal", {
    headers: await flash(request, message),
  });
}

export default function PortalHome() {
  const t = useT();
  const locale = useLocale();
  const { entries, invitations } = useLoaderData<typeof loader>();
  const levels = LEVELS.filter((level) => entries.some((e) => e.level === level));
  const busy = useNavigation().state === "submitting";
  return (
    <section className="portal">
      <h1>{t("portal.home.title")}</h1>
      <p>{t("portal.home.intro")}</p>
      {invitations.length ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t("portal.home.invitations")}</h2>
          <ul className="cards">
            {invitations.map((i) => {
              const what = t("portal.home.invitation", { edition: i.edition, category: categoryName(t, i.category) });
              return (
                <li key={i.id} className="card">
                  <h3>{what}</h3>
                  <p>{t("portal.home.invitationFor", { organisation: i.organisation })}</p>
                  {i.registration_deadline ? (
                    <p className="muted">
                      {t("portal.status.deadline", { date: formatDate(i.registration_deadline, locale, true) })}
                    </p>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" name="intent" value="accept" className="primary" disabled={busy}>
                      {t("portal.home.accept")}
                      <span className="visually-hidden">: {what}</span>
                    </button>{" "}
                    <button type="submit" name="intent" value="decline" disabled={busy}>
                      {t("portal.home.decline")}
                      <span className="visually-hidden">: {what}</span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {entries.length === 0 ? (
        <p>{t("portal.home.none")}</p>
      ) : (
        levels.map((level) => (
          <section key={level} aria-labelledby={`level-${level}`}>
            <h2 id={`level-${level}`}>{t(`portal.home.level.${level}`)}</h2>
            <ul className="cards">
              {entries
                .filter((e) => e.level === level)
                .map((e) => (
                  <li key={e.id} className="card">
                    <h3>
                      <Link to={`/portal/entries/${e.id}`}>{e.organisation_name}</Link>
                    </h3>
                    <p>{e.edition_name}</p>
                    <p>{categoryName(t, e.category)}</p>
                    {e.source_edition_name && e.source_rank !== null ? (
                      <p className="muted">
                        {t("portal.home.nominatedFrom", {
                          edition: e.source_edition_name,
                          place: placeText(t, { kind: "place", rank: e.source_rank }),
                          total: formatNumber(e.source_total, 2),
                        })}
                      </p>
                    ) : null}
                    <p>
                      {e.missed ? (
                        <StatusBadge tone="bad">{t("portal.closed.missed")}</StatusBadge>
                      ) : (
                        <StatusBadge tone={ENTRY_STATUS_TONE[e.status]}>{t(`entryStatus.${e.status}`)}</StatusBadge>
                      )}
                    </p>
                    {e.status === "draft" && !e.missed && e.registration_deadline ? (
                      <p className="muted">
                        {t("portal.status.deadline", { date: formatDate(e.registration_deadline, locale, true) })}
                      </p>
                    ) : null}
                    <p>
                      <Link to={`/portal/entries/${e.id}`}>{t("portal.home.open")}</Link>
                    </p>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      <p>
        <Link to="/portal/members">{t("portal.members.link")}</Link>
      </p>
    </section>
  );
}
