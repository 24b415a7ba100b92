import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { hashPassword } from "../../db/password";
import { acceptInvitation, findInvitation } from "../../db/queries/invitations";
import { kindsForCategory } from "~/domain/categories";
import type { CategoryKey } from "../../db/schema";
import { FormErrorSummary } from "~/components/Field";
import { AccountFields, OrganisationFields } from "~/components/OrganisationFields";
import { formatDate } from "~/i18n/format";
import { getDb } from "~/lib/db.server";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { getViewer } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { accountFields, companyNumbersGiven, organisationFields, passwordsMatch } from "~/lib/portal-forms.server";
import { signInHeaders } from "~/lib/portal.server";
import { clientAddress, lookupInvitationThrottled, waitMinutes } from "~/lib/throttle.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { readForm } from "~/lib/request-body.server";

// Public: accepting a one-time invitation link. A new user sets name and password (and, for an
// organisation invitation, the new organisation's details); a user who is already signed in can
// accept a role or member invitation for their own account. Unknown, used and expired links say
// so. A known organisation is never invited by link: its members answer on their portal.

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const db = await getDb();
  // Unknown tokens are counted per address (token guessing); see app/lib/throttle.server.ts.
  const { state, invitation } = await lookupInvitationThrottled(db, clientAddress(context), () =>
    findInvitation(db, params.token ?? ""),
  );
  if (state === "throttled") return data({ state, invitation: null, viewer: null }, 429);
  const viewer = await getViewer(request);
  if (state !== "valid" || !invitation) return { state, invitation: null, viewer: null };
  return {
    state,
    invitation: {
      kind: invitation.kind,
      email: invitation.email,
      editionName: invitation.edition_name,
      category: invitation.category,
      organisationName: invitation.organisation_name,
      needsOrganisation: invitation.kind === "organisation",
      kinds: invitation.category ? kindsForCategory(invitation.category as CategoryKey) : [],
      expiresAt: invitation.expires_at,
    },
    viewer: viewer ? { name: viewer.user.name, email: viewer.user.email } : null,
  };
}

const NewUser = z.object(accountFields).superRefine(passwordsMatch);
const NewUserAndOrganisation = z.object({ ...accountFields, ...organisationFields }).superRefine((v, ctx) => {
  passwordsMatch(v, ctx);
  companyNumbersGiven(v, ctx);
});

type ActionData = { errors: FieldErrors; values: Record<string, string>; message?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = await getT(request);
  const db = await getDb();
  const token = params.token ?? "";
  // Read first (the page is public; its one guard is the token), so a slowed form keeps its input.
  const form = await readForm(request);
  const found = await lookupInvitationThrottled(db, clientAddress(context), () => findInvitation(db, token), {
    submit: true,
  });
  if (found.state === "throttled") {
    return data<ActionData>(
      {
        errors: {},
        values: strip(form),
        message: t("portal.invite.throttled", { minutes: waitMinutes(found.retryAfterSeconds) }),
      },
      429,
    );
  }
  const { state, invitation } = found;
  if (state !== "valid" || !invitation)
    return data<ActionData>({ errors: {}, values: {}, message: t(`portal.invite.state.${state}`) }, 410);
  const home = invitation.kind === "organisation" || invitation.kind === "member" ? "/portal" : "/home";

  if (form.get("intent") === "existing") {
    const viewer = await getViewer(request);
    if (!viewer) return redirect(`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`);
    if (invitation.kind === "organisation") {
      return data<ActionData>({ errors: {}, values: {}, message: t("portal.invite.needsNewAccount") }, 400);
    }
    const res = await acceptInvitation(db, { token, existingUserId: viewer.user.id });
    if (!res.ok)
      return data<ActionData>({ errors: {}, values: {}, message: t(`portal.invite.refused.${res.reason}`) }, 400);
    return redirect(home, { headers: await signInHeaders(request, viewer.user.id, t("portal.invite.accepted")) });
  }

  const needsOrganisation = invitation.kind === "organisation";
  if (invitation.email) form.set("email", invitation.email);
  const parsed = needsOrganisation ? parseForm(NewUserAndOrganisation, form, t) : parseForm(NewUser, form, t);
  if (!parsed.ok) {
    delete parsed.values.password2;
    return data<ActionData>({ errors: parsed.errors, values: parsed.values, message: t("common.formErrors") }, 400);
  }
  const v = parsed.data as z.output<typeof NewUserAndOrganisation>;
  if (
    needsOrganisation &&
    invitation.category &&
    !kindsForCategory(invitation.category as CategoryKey).includes(v.kind)
  ) {
    return data<ActionData>(
      { errors: { kind: t("portal.join.error.kind") }, values: strip(form), message: t("common.formErrors") },
      400,
    );
  }
  const res = await acceptInvitation(db, {
    token,
    user: { name: v.name, email: v.email, passwordHash: await hashPassword(v.password) },
    organisation: needsOrganisation
      ? { name: v.orgName, kind: v.kind, region: v.region, npp: v.npp, nib: v.nib, size: v.size, sector: v.sector }
      : undefined,
  });
  if (!res.ok) {
    const errors: FieldErrors =
      res.reason === "email_taken" || res.reason === "email_mismatch"
        ? { email: t(`portal.invite.refused.${res.reason}`) }
        : {};
    return data<ActionData>({ errors, values: strip(form), message: t(`portal.invite.refused.${res.reason}`) }, 400);
  }
  return redirect(home, { headers: await signInHeaders(request, res.userId, t("portal.invite.accepted")) });
}

function strip(form: FormData) {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries())
    if (typeof v === "string" && k !== "password" && k !== "password2") values[k] = v;
  return values;
}

export default function AcceptInvitation() {
  const t = useT();
  const locale = useLocale();
  const { state, invitation, viewer } = useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t("portal.invite.title")}</h1>
        <p className="alert alert--warn">{t(`portal.invite.state.${state}`)}</p>
        <p>
          <Link to="/login">{t("nav.signIn")}</Link>
        </p>
      </section>
    );
  }
  const what =
    invitation.kind === "organisation"
      ? t("portal.invite.forOrganisation", {
          edition: invitation.editionName ?? "",
          category: invitation.category ? categoryName(t, invitation.category) : "",
        })
      : invitation.kind === "member"
        ? t("portal.invite.forMember", { organisation: invitation.organisationName ?? "" })
        : t("portal.invite.forRole", { role: t(`role.${invitation.kind}`), edition: invitation.editionName ?? "" });
  return (
    <section className="portal-join">
      <h1>{t("portal.invite.title")}</h1>
      <p className="lead">{what}</p>
      <p className="muted">{t("portal.invite.expires", { date: formatDate(invitation.expiresAt, locale, true) })}</p>
      <FormErrorSummary message={action?.message} />
      {viewer && !invitation.needsOrganisation ? (
        <Form method="post" className="card">
          <p>{t("portal.invite.asViewer", { name: viewer.name, email: viewer.email })}</p>
          <button type="submit" name="intent" value="existing" className="primary" disabled={busy}>
            {t("portal.invite.acceptExisting")}
          </button>
        </Form>
      ) : null}
      <Form method="post" noValidate>
        {invitation.needsOrganisation ? (
          <OrganisationFields kinds={invitation.kinds} errors={action?.errors} values={action?.values} />
        ) : null}
        <AccountFields errors={action?.errors} values={action?.values} fixedEmail={invitation.email} />
        <button type="submit" name="intent" value="new" className="primary" disabled={busy}>
          {t("portal.invite.accept")}
        </button>
      </Form>
    </section>
  );
}
