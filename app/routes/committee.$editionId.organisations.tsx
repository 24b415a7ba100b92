import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { editionCategories, getCategory } from "../../db/queries/editions";
import { createInvitation } from "../../db/queries/invitations";
import { approveRegistration, listPendingRegistrations, rejectRegistration } from "../../db/queries/registrations";
import {
  invitableOrganisations,
  inviteOrganisation,
  organisationInvitationsOfEdition,
} from "../../db/queries/organisation-invitations";
import { openInvitations } from "../../db/queries/people";
import { progressEntry } from "../../db/queries/progress";
import type { CategoryKey } from "../../db/schema";
import { requireEditionCommittee } from "~/lib/committee.server";
import { idParam, notFound } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useLocale, useT } from "~/lib/use-t";
import { InviteLinkCard } from "~/components/InviteLinkCard";
import { categoryName } from "~/i18n/labels";
import { formatDate } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { publicUrl } from "~/lib/config.server";
import { readForm } from "~/lib/request-body.server";

// Entrants of the edition: inviting a new organisation to a category (one-time link shown ONCE)
// or a known one of the edition's chain (no link: its own members accept or decline on their
// portal), and the committee's decision on self-registrations (approve, or reject with a reason).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const [categories, pending, invitations, known, knownInvitations] = await Promise.all([
    editionCategories(db, edition.id),
    listPendingRegistrations(db, edition.id),
    openInvitations(db, edition.id, ["organisation"]),
    invitableOrganisations(db, edition.id),
    organisationInvitationsOfEdition(db, edition.id),
  ]);
  return {
    edition: { id: edition.id },
    categories: categories.map((c) => ({ id: c.id, key: c.key })),
    pending,
    invitations,
    known: known.map((o) => ({ id: o.id, name: o.name, region: o.region })),
    knownInvitations,
  };
}

const inviteSchema = z.object({
  categoryId: z.coerce
    .number({ error: "committee.orgs.categoryRequired" })
    .int("committee.orgs.categoryRequired")
    .positive("committee.orgs.categoryRequired"),
  email: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: "committee.people.emailInvalid" })),
    ])
    .optional(),
  /** An organisation known from the edition's chain (invited through its members); empty for a new one. */
  organisationId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
});
const rejectSchema = z.object({
  reason: z
    .string({ error: "committee.progress.reasonRequired" })
    .trim()
    .min(1, "committee.progress.reasonRequired")
    .max(1000, "committee.progress.reasonTooLong"),
});

type ActionData = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** The entry whose reject form the errors belong to. */
  entryId?: number;
  invited?: { category: CategoryKey; link: string; expiresAt: string; sentTo: string | null };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const here = `/committee/${edition.id}/organisations`;
  const intent = form.get("intent");
  if (intent === "invite") {
    const parsed = parseForm(inviteSchema, form, t);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
    const category = await getCategory(db, edition.id, parsed.data.categoryId);
    const values = {
      email: parsed.data.email ?? "",
      organisationId: String(parsed.data.organisationId ?? ""),
      categoryId: String(parsed.data.categoryId),
    };
    if (!category)
      return data<ActionData>({ errors: { categoryId: t("committee.orgs.categoryRequired") }, values }, 400);
    if (parsed.data.organisationId) {
      // Its members receive the invitation; an email would suggest someone new is let in.
      if (parsed.data.email)
        return data<ActionData>({ errors: { email: t("committee.orgs.emailKnown") }, values }, 400);
      const res = await inviteOrganisation(db, {
        editionId: edition.id,
        categoryId: category.id,
        organisationId: parsed.data.organisationId,
        createdBy: viewer.user.id,
      });
      if (!res.ok) {
        const errors: Record<string, string> =
          res.reason === "category"
            ? { categoryId: t("committee.orgs.categoryRequired") }
            : { organisationId: t(`committee.orgs.refused.${res.reason}`) };
        return data<ActionData>({ errors, values }, 400);
      }
      return redirect(here, {
        headers: await flash(request, t("committee.orgs.invitedKnown", { organisation: res.organisation })),
      });
    }
    const inv = await createInvitation(db, {
      kind: "organisation",
      editionId: edition.id,
      categoryId: category.id,
      email: parsed.data.email || null,
      createdBy: viewer.user.id,
    });
    return data<ActionData>({
      errors: {},
      values: {},
      invited: {
        category: category.key,
        link: publicUrl(`/invite/${inv.token}`),
        expiresAt: inv.expiresAt,
        sentTo: parsed.data.email || null,
      },
    });
  }
  if (intent === "approve" || intent === "reject") {
    const entryId = idParam(String(form.get("entryId") ?? ""));
    const pending = (await listPendingRegistrations(db, edition.id)).find((p) => p.entryId === entryId);
    if (!pending) {
      // Decided meanwhile (or never pending here): say so rather than fail.
      const exists = await progressEntry(db, edition.id, entryId);
      if (!exists) notFound();
      return redirect(here, { headers: await flash(request, t("committee.orgs.notPending")) });
    }
    if (intent === "approve") {
      const res = await approveRegistration(db, entryId, viewer.user.id);
      return redirect(here, {
        headers: await flash(
          request,
          res.ok ? t("committee.orgs.approved", { organisation: pending.name }) : t("committee.orgs.notPending"),
        ),
      });
    }
    const parsed = parseForm(rejectSchema, form, t);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values, entryId }, 400);
    const res = await rejectRegistration(db, entryId, viewer.user.id, parsed.data.reason);
    return redirect(here, {
      headers: await flash(
        request,
        res.ok ? t("committee.orgs.rejected", { organisation: pending.name }) : t("committee.orgs.notPending"),
      ),
    });
  }
  notFound();
}

export default function Organisations() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const inviteErrors = actionData?.entryId ? {} : errors;
  return (
    <section className="organisations">
      <h1>{t("committee.orgs.title")}</h1>

      <h2 id="pending-title">{t("committee.orgs.pendingTitle")}</h2>
      {d.pending.length === 0 ? (
        <p>{t("committee.orgs.pendingEmpty")}</p>
      ) : (
        <table className="data" aria-labelledby="pending-title">
          <thead>
            <tr>
              <th scope="col">{t("common.organisation")}</th>
              <th scope="col">{t("common.category")}</th>
              <th scope="col">{t("committee.orgs.numbers")}</th>
              <th scope="col">{t("committee.orgs.members")}</th>
              <th scope="col">{t("committee.orgs.registeredAt")}</th>
              <th scope="col">{t("committee.progress.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {d.pending.map((p) => {
              const mine = actionData?.entryId === p.entryId;
              return (
                <tr key={p.entryId}>
                  <th scope="row">
                    {p.name}
                    <br />
                    <span className="muted">{p.region}</span>
                  </th>
                  <td>{categoryName(t, p.category)}</td>
                  <td>
                    {p.npp ?? "–"} / {p.nib ?? "–"}
                  </td>
                  <td>{p.members.map((m) => `${m.name} <${m.email}>`).join(", ") || "–"}</td>
                  <td>{formatDate(p.registeredAt, locale, true)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="entryId" value={p.entryId} />
                      <button
                        type="submit"
                        name="intent"
                        value="approve"
                        aria-label={t("committee.orgs.approveOf", { organisation: p.name })}
                      >
                        {t("committee.orgs.approve")}
                      </button>
                    </Form>
                    <Form method="post" noValidate>
                      <input type="hidden" name="entryId" value={p.entryId} />
                      <Field
                        id={`reason-${p.entryId}`}
                        name="reason"
                        label={t("committee.orgs.rejectReason", { organisation: p.name })}
                        defaultValue={mine ? values.reason : undefined}
                        error={mine ? errors.reason : undefined}
                        required
                        maxLength={1000}
                      />
                      <button type="submit" name="intent" value="reject">
                        {t("committee.orgs.reject")}
                        <span className="visually-hidden"> {p.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 id="org-invite-title">{t("committee.orgs.inviteTitle")}</h2>
      {actionData?.invited ? (
        <InviteLinkCard
          title={t("committee.orgs.linkTitle", { category: categoryName(t, actionData.invited.category) })}
          link={actionData.invited.link}
          expiresAt={actionData.invited.expiresAt}
          sentTo={actionData.invited.sentTo}
        />
      ) : null}
      <p>{t("committee.orgs.inviteIntro")}</p>
      <FormErrorSummary message={Object.keys(inviteErrors).length ? t("common.formErrors") : null} />
      <Form method="post" noValidate aria-labelledby="org-invite-title">
        <SelectField
          name="categoryId"
          label={t("common.category")}
          defaultValue={values.categoryId ?? ""}
          error={inviteErrors.categoryId}
          placeholder="–"
          options={d.categories.map((c) => [String(c.id), categoryName(t, c.key)])}
        />
        <SelectField
          name="organisationId"
          label={t("committee.orgs.organisation")}
          hint={t("committee.orgs.organisationHint")}
          defaultValue={values.organisationId ?? ""}
          error={inviteErrors.organisationId}
          placeholder={t("committee.orgs.newOrganisation")}
          options={d.known.map((o) => [String(o.id), `${o.name} (${o.region})`])}
        />
        <Field
          name="email"
          type="email"
          label={t("committee.orgs.email")}
          defaultValue={actionData?.entryId ? undefined : values.email}
          error={inviteErrors.email}
          autoComplete="off"
        />
        <button type="submit" className="primary" name="intent" value="invite">
          {t("committee.orgs.invite")}
        </button>
      </Form>

      {d.knownInvitations.length ? (
        <>
          <h2 id="known-invitations-title">{t("committee.orgs.knownInvitations")}</h2>
          <table className="data" aria-labelledby="known-invitations-title">
            <thead>
              <tr>
                <th scope="col">{t("common.organisation")}</th>
                <th scope="col">{t("common.category")}</th>
                <th scope="col">{t("committee.orgs.invitedAt")}</th>
                <th scope="col">{t("committee.orgs.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {d.knownInvitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.organisation}
                    <br />
                    <span className="muted">{i.region}</span>
                  </th>
                  <td>{categoryName(t, i.category)}</td>
                  <td>{formatDate(i.created_at, locale, true)}</td>
                  <td>
                    {t(`committee.orgs.answer.${i.status}`)}
                    {i.answered_at ? ` (${formatDate(i.answered_at, locale, true)})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {d.invitations.length ? (
        <>
          <h2>{t("committee.orgs.openInvitations")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("common.category")}</th>
                <th scope="col">{t("committee.people.email")}</th>
                <th scope="col">{t("committee.people.expires")}</th>
              </tr>
            </thead>
            <tbody>
              {d.invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.category ? categoryName(t, i.category) : "–"}</th>
                  <td>{i.email ?? "–"}</td>
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
