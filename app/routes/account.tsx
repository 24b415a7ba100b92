import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { mailSettings } from "../../db/queries/account";
import { ChoiceGroup, FormErrorSummary } from "~/components/Field";
import { saveAccountForm, type AccountAction } from "~/lib/account.server";
import { getDb } from "~/lib/db.server";
import { notFound, requireViewer } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useT } from "~/lib/use-t";

// Every signed-in person's own account: the language mail is written in and deadline reminders on
// or off (issue 15). Transactional messages cannot be turned off; the page says so.

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const settings = await mailSettings(await getDb(), viewer.user.id);
  if (!settings) notFound();
  return {
    name: viewer.user.name,
    email: viewer.user.email,
    settings: { locale: settings.locale, reminders: settings.reminders },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { t } = await getT(request);
  const result = await saveAccountForm(viewer.user.id, await readForm(request), t);
  if (!result.ok) return data<AccountAction>(result, 400);
  return redirect("/account", { headers: await flash(request, t("account.saved")) });
}

export default function Account() {
  const t = useT();
  const { name, email, settings } = useLoaderData<typeof loader>();
  const action = useActionData<AccountAction>();
  const failed = action && !action.ok ? action : null;
  const busy = useNavigation().state === "submitting";
  return (
    <section className="account">
      <h1>{t("account.title")}</h1>
      <dl className="account__who">
        <dt>{t("account.name")}</dt>
        <dd>{name}</dd>
        <dt>{t("account.email")}</dt>
        <dd>{email}</dd>
      </dl>
      <h2>{t("account.mail")}</h2>
      <FormErrorSummary message={failed ? t("common.formErrors") : null} />
      <Form method="post" noValidate>
        <ChoiceGroup
          name="locale"
          label={t("account.locale")}
          hint={t("account.localeHint")}
          error={failed?.errors.locale}
          optionClassName="choice"
          checked={failed ? failed.values.locale : settings.locale}
          options={[
            ["id", t("account.locale.id")],
            ["en", t("account.locale.en")],
          ]}
        />
        <ChoiceGroup
          type="checkbox"
          name="reminders"
          label={t("account.reminders")}
          hint={t("account.transactional")}
          error={failed?.errors.reminders}
          optionClassName="choice"
          checked={(failed ? failed.values.reminders === "on" : settings.reminders) ? ["on"] : []}
          options={[["on", t("account.remindersOn")]]}
        />
        <button type="submit" disabled={busy}>
          {t("account.save")}
        </button>
      </Form>
    </section>
  );
}
