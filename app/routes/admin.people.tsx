import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { findPeopleByEmail } from "../../db/queries/personal-data";
import { ConfirmAction } from "~/components/ConfirmAction";
import { StatusBadge } from "~/components/StatusBadge";
import { Field } from "~/components/Field";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";
import { getDb } from "~/lib/db.server";
import { idParam, notFound, requireAdmin } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { anonymiseOutcome } from "~/lib/personal-data.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useT } from "~/lib/use-t";

// The administrator's personal-data page (UU 27/2022): find an account by e-mail, download
// everything stored about the person, anonymise the account once all of their editions are
// archived (refused otherwise, and for the last active administrator).

const MIN_SEARCH = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim();
  const people = q.length >= MIN_SEARCH ? await findPeopleByEmail(await getDb(), q) : [];
  return { q, tooShort: q.length > 0 && q.length < MIN_SEARCH, people };
}

type ActionData = { confirm: "anonymise"; userId: number } | { refused: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireAdmin(request);
  const { t } = await getT(request);
  const form = await readForm(request);
  if (form.get("intent") !== "anonymise") notFound();
  const userId = idParam(String(form.get("userId") ?? ""));
  if (!isConfirmed(form)) return data<ActionData>({ ...confirmationRequest("anonymise"), userId });
  const { result, message } = await anonymiseOutcome(await getDb(), { userId, byUserId: viewer.user.id });
  if (!result.ok) return data<ActionData>({ refused: t(message) }, 409);
  const back = `/admin/people?q=${encodeURIComponent(String(form.get("q") ?? ""))}`;
  return redirect(back, { headers: await flash(request, t(message, { label: result.label })) });
}

export default function AdminPeople() {
  const t = useT();
  const { q, tooShort, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("personal.admin.title")}</h1>
      <p>{t("personal.admin.intro")}</p>
      <Form method="get" role="search">
        <Field
          name="q"
          type="search"
          label={t("personal.admin.search")}
          defaultValue={q}
          error={tooShort ? t("personal.admin.tooShort") : undefined}
          autoComplete="off"
        />
        <button type="submit">{t("personal.admin.find")}</button>
      </Form>
      {actionData && "refused" in actionData ? (
        <p className="error" role="alert">
          {actionData.refused}
        </p>
      ) : null}
      {q.length >= MIN_SEARCH && people.length === 0 ? <p>{t("personal.admin.none")}</p> : null}
      {people.length > 0 ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("committee.people.name")}</th>
              <th scope="col">{t("committee.people.email")}</th>
              <th scope="col">{t("personal.admin.editions")}</th>
              <th scope="col">{t("committee.progress.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.anonymised_at ? "–" : p.email}</td>
                <td>
                  {p.editions.length === 0
                    ? "–"
                    : p.editions.map((e) => (
                        <div key={e.id}>
                          {e.name}{" "}
                          {e.archived_at ? (
                            <StatusBadge tone="neutral">{t("personal.archive.archived")}</StatusBadge>
                          ) : null}
                        </div>
                      ))}
                </td>
                <td>
                  <a href={`/admin/people/${p.id}/data`} download>
                    {t("personal.export.link")}
                    <span className="visually-hidden"> {p.name}</span>
                  </a>
                  {p.anonymised_at ? (
                    <StatusBadge tone="neutral">{t("personal.anonymise.anonymised")}</StatusBadge>
                  ) : (
                    <ConfirmAction
                      intent="anonymise"
                      label={t("personal.anonymise.button")}
                      title={t("personal.anonymise.confirmTitle", { name: p.name })}
                      summary={<p>{t("personal.anonymise.confirmSummary")}</p>}
                      confirmLabel={t("personal.anonymise.confirm")}
                      cancelLabel={t("common.cancel")}
                      fields={{ userId: String(p.id), q }}
                      requested={actionData !== undefined && "confirm" in actionData && actionData.userId === p.id}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
