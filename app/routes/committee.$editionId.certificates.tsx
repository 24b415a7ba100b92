import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { editionSignatories, setEditionSignatories } from "../../db/queries/signatories";
import { MAX_SIGNATORIES } from "~/domain/signatories";
import { signatoriesForm } from "~/lib/signatories-form.server";
import { Field, FormErrorSummary } from "~/components/Field";
import { requireEditionCommittee } from "~/lib/committee.server";
import { parseForm } from "~/lib/forms";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useT } from "~/lib/use-t";

// Piagam: who signs the edition's certificates of award (one to three names with their titles),
// printed as signature lines on every certificate of the edition. Changes are audited.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  return { signatories: await editionSignatories(db, edition.id) };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = parseForm(signatoriesForm, form, t);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
  const changed = await setEditionSignatories(db, {
    editionId: edition.id,
    userId: viewer.user.id,
    signatories: parsed.data,
  });
  const message = changed ? "committee.certificates.saved" : "committee.certificates.unchanged";
  return redirect(`/committee/${edition.id}/certificates`, { headers: await flash(request, t(message)) });
}

export default function Certificates() {
  const t = useT();
  const { signatories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  // After a refusal the typed values stay; otherwise the saved signatories fill the rows.
  const value = (i: number, part: "name" | "title") =>
    actionData ? (actionData.values[`signatories.${i}.${part}`] ?? "") : (signatories[i]?.[part] ?? "");
  return (
    <section>
      <h1>{t("committee.certificates.title")}</h1>
      <p>{t("committee.certificates.lead")}</p>
      {signatories.length === 0 ? <p className="alert alert--info">{t("committee.certificates.none")}</p> : null}
      <FormErrorSummary message={Object.keys(errors).length ? (errors.signatories ?? t("common.formErrors")) : null} />
      <Form method="post" noValidate>
        {Array.from({ length: MAX_SIGNATORIES }, (_, i) => (
          <fieldset key={i}>
            <legend>{t("committee.certificates.signatory", { n: i + 1 })}</legend>
            <Field
              name={`signatories.${i}.name`}
              label={t("committee.certificates.name")}
              defaultValue={value(i, "name")}
              error={errors[`signatories.${i}.name`]}
              autoComplete="off"
            />
            <Field
              name={`signatories.${i}.title`}
              label={t("committee.certificates.signatoryTitle")}
              hint={i === 0 ? t("committee.certificates.titleHint") : undefined}
              defaultValue={value(i, "title")}
              error={errors[`signatories.${i}.title`]}
              autoComplete="off"
            />
          </fieldset>
        ))}
        <button type="submit" className="primary">
          {t("committee.certificates.save")}
        </button>
      </Form>
    </section>
  );
}
