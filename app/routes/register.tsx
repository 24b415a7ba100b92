import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { hashPassword } from "../../db/password";
import { editionsOpenForRegistration, registerOrganisation } from "../../db/queries/registrations";
import { FormErrorSummary, SelectField } from "~/components/Field";
import { AccountFields, OrganisationFields } from "~/components/OrganisationFields";
import { formatDate } from "~/i18n/format";
import { getDb } from "~/lib/db.server";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { getT } from "~/lib/locale.server";
import { accountFields, companyNumbersGiven, organisationFields, passwordsMatch } from "~/lib/portal-forms.server";
import { ORGANISATION_KINDS } from "~/domain/categories";
import { signInHeaders } from "~/lib/portal.server";
import { clientAddress, takeRegistration, waitMinutes } from "~/lib/throttle.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { readForm } from "~/lib/request-body.server";

// Public: an organisation registers itself during an edition's registration window (until
// editions.registration_deadline) with its registration numbers and region. The entry waits as
// "pending" until the committee approves or rejects it; the new member can sign in meanwhile.

export async function loader() {
  const editions = await editionsOpenForRegistration(await getDb());
  return { editions };
}

const RegisterForm = z
  .object({
    editionId: z.coerce.number({ error: "form.required" }).int().positive({ error: "form.required" }),
    categoryId: z.coerce
      .number({ error: "portal.register.error.category" })
      .int()
      .positive({ error: "portal.register.error.category" }),
    ...organisationFields,
    ...accountFields,
  })
  .superRefine((v, ctx) => {
    passwordsMatch(v, ctx);
    companyNumbersGiven(v, ctx);
  });

type ActionData = { errors: FieldErrors; values: Record<string, string>; message?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = parseForm(RegisterForm, form, t);
  const values = () => {
    const v: Record<string, string> = {};
    for (const [k, x] of form.entries()) if (typeof x === "string" && k !== "password" && k !== "password2") v[k] = x;
    return v;
  };
  if (!parsed.ok)
    return data<ActionData>({ errors: parsed.errors, values: values(), message: t("common.formErrors") }, 400);
  const v = parsed.data;
  const db = await getDb();
  // A few registrations per address per hour, counted before the password is hashed.
  const taken = await takeRegistration(db, clientAddress(context));
  if (!taken.ok) {
    const message = t("portal.register.throttled", { minutes: waitMinutes(taken.retryAfterSeconds) });
    return data<ActionData>({ errors: {}, values: values(), message }, 429);
  }
  const res = await registerOrganisation(db, {
    editionId: v.editionId,
    categoryId: v.categoryId,
    organisation: {
      name: v.orgName,
      kind: v.kind,
      region: v.region,
      npp: v.npp,
      nib: v.nib,
      size: v.size,
      sector: v.sector,
    },
    user: { name: v.name, email: v.email, passwordHash: await hashPassword(v.password) },
  });
  if (!res.ok) {
    const field = { closed: "editionId", category: "categoryId", kind: "kind", email_taken: "email", duplicate: "npp" }[
      res.reason
    ];
    const text = t(`portal.register.refused.${res.reason}`);
    return data<ActionData>({ errors: { [field]: text }, values: values(), message: text }, 400);
  }
  return redirect(`/portal/entries/${res.entryId}`, {
    headers: await signInHeaders(request, res.userId, t("portal.register.received")),
  });
}

export default function Register() {
  const t = useT();
  const locale = useLocale();
  const { editions } = useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const errors = action?.errors ?? {};
  const values = action?.values ?? {};
  if (editions.length === 0) {
    return (
      <section className="narrow">
        <h1>{t("portal.register.title")}</h1>
        <p className="alert alert--info">{t("portal.register.closed")}</p>
      </section>
    );
  }
  return (
    <section className="portal-join">
      <h1>{t("portal.register.title")}</h1>
      <p>{t("portal.register.intro")}</p>
      <FormErrorSummary message={action?.message} />
      <Form method="post" noValidate>
        <fieldset>
          <legend>{t("portal.register.entry")}</legend>
          <SelectField
            name="editionId"
            label={t("common.edition")}
            defaultValue={values.editionId ?? String(editions[0]?.id ?? "")}
            error={errors.editionId}
            options={editions.map((e) => [
              String(e.id),
              `${e.name} — ${t("portal.register.until", { date: formatDate(e.registration_deadline, locale) })}`,
            ])}
          />
          <div className={`field${errors.categoryId ? " field--error" : ""}`}>
            <label htmlFor="f-categoryId">{t("common.category")}</label>
            <select
              id="f-categoryId"
              name="categoryId"
              defaultValue={values.categoryId ?? ""}
              aria-invalid={errors.categoryId ? true : undefined}
              aria-describedby={errors.categoryId ? "f-categoryId-error" : undefined}
            >
              <option value="">{t("portal.join.choose")}</option>
              {editions.map((e) => (
                <optgroup key={e.id} label={e.name}>
                  {e.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {categoryName(t, c.key)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {errors.categoryId ? (
              <p className="error" id="f-categoryId-error">
                {errors.categoryId}
              </p>
            ) : null}
          </div>
        </fieldset>
        <OrganisationFields kinds={ORGANISATION_KINDS} errors={errors} values={values} />
        <AccountFields errors={errors} values={values} />
        <button type="submit" className="primary" disabled={busy}>
          {t("portal.register.submit")}
        </button>
      </Form>
    </section>
  );
}
