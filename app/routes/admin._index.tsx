import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { editionsWithCommittees } from "../../db/queries/committee-members";
import { getSettings, setSetting } from "../../db/queries/settings";
import { getDb } from "~/lib/db.server";
import { notFound, requireAdmin } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { flash } from "~/lib/session.server";
import { useT } from "~/lib/use-t";
import { ChoiceGroup } from "~/components/Field";

// The administrator's home (award secretariat): every edition with its committee, the way to a
// new edition and to each edition's committee, and the installation settings.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = await getDb();
  const [editions, settings] = await Promise.all([editionsWithCommittees(db), getSettings(db)]);
  return { editions, settings };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireAdmin(request);
  const { t } = await getT(request);
  const form = await readForm(request);
  if (form.get("intent") !== "settings") notFound();
  const changed = await setSetting(
    await getDb(),
    "committee_may_create_editions",
    form.get("committeeMayCreate") === "on",
    { userId: viewer.user.id },
  );
  return redirect("/admin", {
    headers: await flash(request, t(changed ? "admin.settings.saved" : "admin.settings.unchanged")),
  });
}

export default function AdminHome() {
  const t = useT();
  const { editions, settings } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("admin.home.title")}</h1>
      <p>{t("admin.home.intro")}</p>
      <p>
        <Link to="/admin/people">{t("admin.home.personalData")}</Link>
      </p>

      <h2>{t("admin.home.editions")}</h2>
      <p>
        <Link to="/committee/new">{t("admin.home.new")}</Link>
      </p>
      {editions.length === 0 ? (
        <p>{t("admin.home.empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("admin.home.edition")}</th>
              <th scope="col" className="num">
                {t("admin.home.year")}
              </th>
              <th scope="col">{t("admin.home.level")}</th>
              <th scope="col">{t("admin.home.status")}</th>
              <th scope="col">{t("admin.home.committee")}</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/admin/editions/${e.id}`}>{e.name}</Link>
                </th>
                <td className="num">{e.year}</td>
                <td>{t(`level.${e.level}`)}</td>
                <td>{t(`editionStatus.${e.status}`)}</td>
                <td>{e.committee.length ? e.committee.join(", ") : t("admin.home.noCommittee")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="settings-title">{t("admin.settings.title")}</h2>
      <Form method="post" aria-labelledby="settings-title">
        <ChoiceGroup
          type="checkbox"
          name="committeeMayCreate"
          label={t("admin.settings.editionsLegend")}
          hint={t("admin.settings.committeeMayCreateHint")}
          optionClassName="check"
          checked={settings.committee_may_create_editions ? ["on"] : []}
          options={[["on", t("admin.settings.committeeMayCreate")]]}
        />
        <button type="submit" className="primary" name="intent" value="settings">
          {t("admin.settings.save")}
        </button>
      </Form>
    </section>
  );
}
