import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { editionCommittee, removeCommitteeMember } from "../../db/queries/committee-members";
import { getEdition } from "../../db/queries/editions";
import { invitePanelMember, openInvitations } from "../../db/queries/people";
import { publicUrl } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { hasRole, idParam, notFound, requireAdmin } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { formatDate } from "~/i18n/format";
import { Field, FormErrorSummary } from "~/components/Field";
import { InviteLinkCard } from "~/components/InviteLinkCard";

// One edition's committee, for the administrator: who is on it, appointing a member by e-mail
// (an existing account joins at once; an unknown e-mail gets a one-time committee invitation
// link, shown once) and removing one (never the last). Every change is audited.

async function editionOr404(request: Request, editionId: string | undefined) {
  const viewer = await requireAdmin(request);
  const db = await getDb();
  const edition = await getEdition(db, idParam(editionId));
  if (!edition) notFound();
  return { viewer, db, edition };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, edition } = await editionOr404(request, params.editionId);
  const [committee, invitations] = await Promise.all([
    editionCommittee(db, edition.id),
    openInvitations(db, edition.id, ["committee"]),
  ]);
  return {
    edition: { id: edition.id, name: edition.name, year: edition.year, level: edition.level, status: edition.status },
    committee,
    invitations,
    // The console link is for an administrator who is on this committee too.
    onCommittee: hasRole(viewer, ["committee"], edition.id),
  };
}

const appointSchema = z.object({
  email: z
    .string({ error: "committee.people.emailInvalid" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "committee.people.emailInvalid" })),
  name: z.string().trim().max(200, "form.invalid").optional(),
});

type ActionData = {
  errors: Record<string, string>;
  values: Record<string, string>;
  invited?: { email: string; link: string; expiresAt: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, edition } = await editionOr404(request, params.editionId);
  const { t } = await getT(request);
  const form = await readForm(request);
  const here = `/admin/editions/${edition.id}`;
  const intent = form.get("intent");
  if (intent === "appoint") {
    const parsed = parseForm(appointSchema, form, t);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
    const { email, name } = parsed.data;
    const res = await invitePanelMember(db, {
      editionId: edition.id,
      role: "committee",
      name,
      email,
      createdBy: viewer.user.id,
    });
    if (res.kind === "invited") {
      // The raw token exists only in this response: it is never stored nor shown again.
      return data<ActionData>({
        errors: {},
        values: {},
        invited: { email, link: publicUrl(`/invite/${res.token}`), expiresAt: res.expiresAt },
      });
    }
    const message = res.kind === "already" ? "admin.edition.alreadyCommittee" : "admin.edition.appointed";
    return redirect(here, { headers: await flash(request, t(message, { email })) });
  }
  if (intent === "remove") {
    const res = await removeCommitteeMember(db, {
      editionId: edition.id,
      membershipId: idParam(String(form.get("membershipId") ?? "")),
      userId: viewer.user.id,
    });
    if (!res.ok && res.reason === "not_found") notFound();
    const message = res.ok ? t("admin.edition.removed", { name: res.name }) : t("admin.edition.removeLast");
    return redirect(here, { headers: await flash(request, message) });
  }
  notFound();
}

export default function AdminEdition() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.edition.back")}</Link>
      </p>
      <h1>{d.edition.name}</h1>
      <p>
        {d.edition.year} · {t(`level.${d.edition.level}`)} · {t(`editionStatus.${d.edition.status}`)}
      </p>
      {d.onCommittee ? (
        <p>
          <Link to={`/committee/${d.edition.id}`}>{t("admin.edition.openConsole")}</Link>
        </p>
      ) : null}

      <h2>{t("admin.edition.committeeTitle")}</h2>
      {d.committee.length === 0 ? (
        <p>{t("admin.edition.committeeEmpty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("committee.people.name")}</th>
              <th scope="col">{t("committee.people.email")}</th>
              <th scope="col">{t("admin.edition.since")}</th>
              <th scope="col">{t("admin.edition.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {d.committee.map((m) => (
              <tr key={m.membershipId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{formatDate(m.since, locale)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="membershipId" value={m.membershipId} />
                    <button type="submit" name="intent" value="remove">
                      {t("admin.edition.remove")}
                      <span className="visually-hidden"> {m.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="appoint-title">{t("admin.edition.appointTitle")}</h2>
      {actionData?.invited ? (
        <InviteLinkCard
          title={t("committee.people.linkTitle", { email: actionData.invited.email })}
          link={actionData.invited.link}
          expiresAt={actionData.invited.expiresAt}
          sentTo={actionData.invited.email}
        />
      ) : null}
      <p>{t("admin.edition.appointIntro")}</p>
      <FormErrorSummary message={Object.keys(errors).length ? t("common.formErrors") : null} />
      <Form method="post" noValidate aria-labelledby="appoint-title">
        <Field
          name="email"
          type="email"
          label={t("committee.people.email")}
          defaultValue={values.email}
          error={errors.email}
          required
          autoComplete="off"
        />
        <Field
          name="name"
          label={t("admin.edition.nameOptional")}
          defaultValue={values.name}
          error={errors.name}
          autoComplete="off"
        />
        <button type="submit" className="primary" name="intent" value="appoint">
          {t("admin.edition.appoint")}
        </button>
      </Form>

      {d.invitations.length ? (
        <>
          <h2>{t("admin.edition.openInvitations")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("committee.people.email")}</th>
                <th scope="col">{t("committee.people.expires")}</th>
              </tr>
            </thead>
            <tbody>
              {d.invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email ?? "–"}</th>
                  <td>{formatDate(i.expiresAt, locale, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
