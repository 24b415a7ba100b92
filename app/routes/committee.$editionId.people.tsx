import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { editionPeople, invitePanelMember, openInvitations, setMembershipActive } from "../../db/queries/people";
import { refuseArchivedEdition, requireEditionCommittee } from "~/lib/committee.server";
import { idParam, notFound } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useLocale, useT } from "~/lib/use-t";
import { formatDate, formatNumber } from "~/i18n/format";
import { ChoiceGroup, Field, FormErrorSummary } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";
import { InviteLinkCard } from "~/components/InviteLinkCard";
import { publicUrl } from "~/lib/config.server";
import { readForm } from "~/lib/request-body.server";
import { ConfirmAction } from "~/components/ConfirmAction";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";
import { anonymiseOutcome, personInEdition } from "~/lib/personal-data.server";

// Assessors and jurors of the edition: their state and load; inviting one (a one-time link shown
// ONCE, or the membership added directly when the email already has an account); deactivating
// and reactivating a membership (audited).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const [people, invitations] = await Promise.all([
    editionPeople(db, edition.id),
    openInvitations(db, edition.id, ["assessor", "juror"]),
  ]);
  return { edition: { id: edition.id, archived: edition.archived_at !== null }, people, invitations };
}

const inviteSchema = z.object({
  name: z
    .string({ error: "committee.people.nameRequired" })
    .trim()
    .min(1, "committee.people.nameRequired")
    .max(200, "form.invalid"),
  email: z
    .string({ error: "committee.people.emailInvalid" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "committee.people.emailInvalid" })),
  role: z.enum(["assessor", "juror"], { error: "committee.people.roleRequired" }),
});

type ActionData = {
  errors: Record<string, string>;
  values: Record<string, string>;
  invited?: { email: string; link: string; expiresAt: string };
  /** The person whose anonymisation asks for confirmation (no JavaScript), or why it was refused. */
  confirm?: "anonymise";
  userId?: number;
  refused?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params, { whileArchived: true });
  const { t } = await getT(request);
  const form = await readForm(request);
  const here = `/committee/${edition.id}/people`;
  const intent = form.get("intent");
  // On an archived edition only anonymising remains (what archiving is for).
  if (edition.archived_at && intent !== "anonymise") refuseArchivedEdition();
  if (intent === "invite") {
    const parsed = parseForm(inviteSchema, form, t);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
    const { name, email, role } = parsed.data;
    const res = await invitePanelMember(db, { editionId: edition.id, role, name, email, createdBy: viewer.user.id });
    const roleName = t(`role.${role}`);
    if (res.kind === "invited") {
      // The raw token exists only in this response: it is never stored nor shown again.
      return data<ActionData>({
        errors: {},
        values: {},
        invited: { email, link: publicUrl(`/invite/${res.token}`), expiresAt: res.expiresAt },
      });
    }
    const message =
      res.kind === "added"
        ? "committee.people.added"
        : res.kind === "reactivated"
          ? "committee.people.reactivatedByInvite"
          : "committee.people.already";
    return redirect(here, { headers: await flash(request, t(message, { email, role: roleName })) });
  }
  if (intent === "anonymise") {
    // Personal data (UU 27/2022): only people with a role in this edition, once it is archived.
    const userId = idParam(String(form.get("userId") ?? ""));
    if (!(await personInEdition(db, userId, edition.id))) notFound();
    if (!isConfirmed(form))
      return data<ActionData>({ errors: {}, values: {}, ...confirmationRequest("anonymise"), userId });
    const { result, message } = await anonymiseOutcome(db, { userId, byUserId: viewer.user.id });
    if (!result.ok) return data<ActionData>({ errors: {}, values: {}, refused: t(message) }, 409);
    return redirect(here, { headers: await flash(request, t(message, { label: result.label })) });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const membershipId = idParam(String(form.get("membershipId") ?? ""));
    const person = (await editionPeople(db, edition.id)).find((p) => p.membershipId === membershipId);
    if (!person) notFound();
    const res = await setMembershipActive(db, {
      editionId: edition.id,
      membershipId,
      active: intent === "reactivate",
      userId: viewer.user.id,
    });
    if (!res.ok && res.reason === "not_found") notFound();
    const message = !res.ok
      ? t("committee.people.unchanged")
      : t(intent === "reactivate" ? "committee.people.reactivated" : "committee.people.deactivated", {
          name: person.name,
        });
    return redirect(here, { headers: await flash(request, message) });
  }
  notFound();
}

export default function People() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const role = values.role ?? "assessor";
  return (
    <section className="people">
      <h1>{t("committee.people.title")}</h1>
      <p>{t("committee.people.intro")}</p>
      {actionData?.refused ? (
        <p className="error" role="alert">
          {actionData.refused}
        </p>
      ) : null}
      {d.people.length === 0 ? (
        <p>{t("committee.people.empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("committee.people.name")}</th>
              <th scope="col">{t("committee.people.email")}</th>
              <th scope="col">{t("committee.people.role")}</th>
              <th scope="col" className="num">
                {t("committee.people.load")}
              </th>
              <th scope="col">{t("committee.people.state")}</th>
              <th scope="col">{t("committee.progress.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {d.people.map((p) => (
              <tr key={p.membershipId}>
                <th scope="row">{p.name}</th>
                <td>{p.anonymisedAt ? "–" : p.email}</td>
                <td>{t(`role.${p.role}`)}</td>
                <td className="num">
                  {formatNumber(p.submitted)} / {formatNumber(p.assigned)}
                </td>
                <td>
                  {p.anonymisedAt ? (
                    <StatusBadge tone="neutral">{t("personal.anonymise.anonymised")}</StatusBadge>
                  ) : (
                    <StatusBadge tone={p.active ? "good" : "neutral"}>
                      {t(p.active ? "committee.people.active" : "committee.people.inactive")}
                    </StatusBadge>
                  )}
                </td>
                <td>
                  <PersonalDataActions
                    editionId={d.edition.id}
                    archived={d.edition.archived}
                    person={p}
                    requested={actionData?.confirm === "anonymise" && actionData.userId === p.userId}
                  />
                  {p.anonymisedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="membershipId" value={p.membershipId} />
                      <button type="submit" name="intent" value={p.membershipActive ? "deactivate" : "reactivate"}>
                        {t(p.membershipActive ? "committee.people.deactivate" : "committee.people.reactivate")}
                        <span className="visually-hidden">
                          {" "}
                          {p.name} ({t(`role.${p.role}`)})
                        </span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="invite-title">{t("committee.people.inviteTitle")}</h2>
      {actionData?.invited ? (
        <InviteLinkCard
          title={t("committee.people.linkTitle", { email: actionData.invited.email })}
          link={actionData.invited.link}
          expiresAt={actionData.invited.expiresAt}
          sentTo={actionData.invited.email}
        />
      ) : null}
      <p>{t("committee.people.inviteIntro")}</p>
      <FormErrorSummary message={Object.keys(errors).length ? t("common.formErrors") : null} />
      <Form method="post" noValidate aria-labelledby="invite-title">
        <Field
          name="name"
          label={t("committee.people.name")}
          defaultValue={values.name}
          error={errors.name}
          required
          autoComplete="off"
        />
        <Field
          name="email"
          type="email"
          label={t("committee.people.email")}
          defaultValue={values.email}
          error={errors.email}
          required
          autoComplete="off"
        />
        <ChoiceGroup
          name="role"
          label={t("committee.people.role")}
          checked={role}
          error={errors.role}
          options={[
            ["assessor", t("role.assessor")],
            ["juror", t("role.juror")],
          ]}
        />
        <button type="submit" className="primary" name="intent" value="invite">
          {t("committee.people.invite")}
        </button>
      </Form>

      {d.invitations.length ? (
        <>
          <h2>{t("committee.people.openInvitations")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("committee.people.email")}</th>
                <th scope="col">{t("committee.people.role")}</th>
                <th scope="col">{t("committee.people.expires")}</th>
              </tr>
            </thead>
            <tbody>
              {d.invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email ?? "–"}</th>
                  <td>{t(`role.${i.kind}`)}</td>
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

/** Download what is stored about the person; anonymise them once the edition is archived. */
function PersonalDataActions({
  editionId,
  archived,
  person,
  requested,
}: {
  editionId: number;
  archived: boolean;
  person: { userId: number; name: string; anonymisedAt: string | null };
  requested: boolean;
}) {
  const t = useT();
  return (
    <>
      <a href={`/committee/${editionId}/people/${person.userId}/data`} download>
        {t("personal.export.link")}
        <span className="visually-hidden"> {person.name}</span>
      </a>
      {archived && !person.anonymisedAt ? (
        <ConfirmAction
          intent="anonymise"
          label={t("personal.anonymise.button")}
          title={t("personal.anonymise.confirmTitle", { name: person.name })}
          summary={<p>{t("personal.anonymise.confirmSummary")}</p>}
          confirmLabel={t("personal.anonymise.confirm")}
          cancelLabel={t("common.cancel")}
          fields={{ userId: String(person.userId) }}
          requested={requested}
        />
      ) : null}
    </>
  );
}
