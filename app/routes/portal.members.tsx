import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { createInvitation, INVITATION_DAYS } from "../../db/queries/invitations";
import { organisationMembers } from "../../db/queries/members";
import { Field, FormErrorSummary } from "~/components/Field";
import { formatDate } from "~/i18n/format";
import { getDb } from "~/lib/db.server";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { notFound, requireEntrant } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { useLocale, useT } from "~/lib/use-t";
import { publicUrl } from "~/lib/config.server";
import { readForm } from "~/lib/request-body.server";

// Members of the viewer's organisations invite colleagues, to their own organisation only: the
// one-time link is shown once, here, to be passed on.

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireEntrant(request);
  const db = await getDb();
  const orgs = viewer.memberships.filter((m) => m.role === "entrant");
  return {
    organisations: await Promise.all(
      orgs.map(async (m) => ({
        id: m.organisation_id!,
        name: m.organisation_name ?? "",
        ...(await organisationMembers(db, m.organisation_id!)),
      })),
    ),
    days: INVITATION_DAYS,
  };
}

const InviteForm = z.object({
  organisationId: z.coerce.number().int().positive(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email({ error: "login.emailInvalid" }).optional()),
});

type ActionData = {
  errors: FieldErrors;
  values: Record<string, string>;
  message?: string;
  link?: string;
  organisationId?: number;
  expiresAt?: string;
  /** The address the link was also e-mailed to. */
  sentTo?: string | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireEntrant(request);
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = parseForm(InviteForm, form, t);
  if (!parsed.ok)
    return data<ActionData>({ errors: parsed.errors, values: parsed.values, message: t("common.formErrors") }, 400);
  // Only to the viewer's own organisation; any other id is answered as if it did not exist.
  if (!viewer.organisationIds.includes(parsed.data.organisationId)) notFound();
  const inv = await createInvitation(await getDb(), {
    kind: "member",
    organisationId: parsed.data.organisationId,
    email: parsed.data.email ?? null,
    createdBy: viewer.user.id,
  });
  const link = publicUrl(`/invite/${inv.token}`);
  return {
    errors: {},
    values: {},
    link,
    organisationId: parsed.data.organisationId,
    expiresAt: inv.expiresAt,
    sentTo: parsed.data.email ?? null,
  } satisfies ActionData;
}

export default function Members() {
  const t = useT();
  const locale = useLocale();
  const { organisations, days } = useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="portal">
      <h1>{t("portal.members.title")}</h1>
      <p>{t("portal.members.intro", { days })}</p>
      <FormErrorSummary message={action?.message} />
      {organisations.map((o) => (
        <section key={o.id} className="card portal-members" aria-labelledby={`org-${o.id}`}>
          <h2 id={`org-${o.id}`}>{o.name}</h2>
          <ul>
            {o.members.map((m) => (
              <li key={m.id}>
                {m.name} · <span className="muted">{m.email}</span>
              </li>
            ))}
          </ul>
          {o.invitations.length ? (
            <p className="muted">{t("portal.members.openInvitations", { count: o.invitations.length })}</p>
          ) : null}
          {action?.link && action.organisationId === o.id ? (
            <div className="alert alert--info" role="status">
              <p>{t("portal.members.linkOnce", { date: formatDate(action.expiresAt, locale, true) })}</p>
              <label htmlFor={`link-${o.id}`}>{t("portal.members.linkLabel")}</label>
              <input
                id={`link-${o.id}`}
                className="portal-link"
                readOnly
                value={action.link}
                onFocus={(e) => e.currentTarget.select()}
              />
              {action.sentTo ? (
                <p data-testid="invite-sent-to">{t("mail.entrant.linkSentTo", { email: action.sentTo })}</p>
              ) : null}
            </div>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="organisationId" value={o.id} />
            <Field
              name="email"
              id={`email-${o.id}`}
              type="email"
              label={t("portal.members.email")}
              hint={t("portal.members.emailHint")}
              defaultValue={action?.values.organisationId === String(o.id) ? action.values.email : undefined}
              error={action?.values.organisationId === String(o.id) ? action.errors.email : undefined}
            />
            <button type="submit" disabled={busy}>
              {t("portal.members.invite")}
            </button>
          </Form>
        </section>
      ))}
    </section>
  );
}
