import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { categoryHasScores, rubricVersions, saveRubricVersion } from "../../db/queries/rubric-versions";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { exportRubricJson, importRubricJson } from "~/lib/rubric-json";
import { translateProblems, type ShownProblem } from "~/lib/rubric-problems";
import { priorOptionText } from "~/lib/prior-text";
import { priorAllowed } from "~/domain/rubric";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, TextareaField } from "~/components/Field";
import { readForm } from "~/lib/request-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const rubric = await currentRubric(db, category.id);
  const [definition, frozen, versions] = await Promise.all([
    rubric ? loadRubricDefinition(db, rubric.id) : null,
    categoryHasScores(db, category.id),
    rubricVersions(db, category.id),
  ]);
  return {
    edition: { id: edition.id },
    category: { id: category.id, key: category.key },
    version: rubric?.version ?? 0,
    json: definition && rubric ? exportRubricJson(definition, JSON.parse(rubric.method) as unknown) : null,
    // The provincial total's use is said where it can apply (national) or wherever a rubric has it.
    prior: definition && (priorAllowed(edition.level) || definition.prior) ? (definition.prior ?? null) : undefined,
    frozen,
    versions,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, category, viewer } = await requireCategoryCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const text = String(form.get("json") ?? "");
  const reason = String(form.get("reason") ?? "").trim();
  const basedOn = Number(form.get("basedOn"));
  const values = { json: text, reason };
  const fail = (errors: Record<string, string>, problems: ShownProblem[] = [], status = 400) =>
    data({ errors, problems, values, staleVersion: null as number | null }, status);
  if (form.get("intent") !== "import") return fail({ _form: t("committee.action.unknown") });
  const errors: Record<string, string> = {};
  if (!text.trim()) errors.json = t("form.required");
  if (reason.length > 1000) errors.reason = t("form.invalid");
  const imported = text.trim() ? importRubricJson(text) : null;
  if (imported && !imported.ok) errors.json = t("committee.rubric.refused");
  if (imported?.ok && imported.definition.prior && !priorAllowed(edition.level))
    errors.json = t("rubricForm.priorNationalOnly");
  if (Object.keys(errors).length > 0 || !imported?.ok)
    return fail(errors, imported && !imported.ok ? translateProblems(imported.problems, t) : []);
  // The stale version, the reason of a frozen rubric and the scores above a lowered max are checked
  // by the save itself, in its transaction.
  const saved = await saveRubricVersion(db, {
    editionId: edition.id,
    categoryId: category.id,
    basedOn: Number.isInteger(basedOn) ? basedOn : -1,
    definition: imported.definition,
    method: imported.method,
    reason: reason || null,
    userId: viewer.user.id,
    source: "import",
  });
  if (!saved.ok) {
    if (saved.refusal === "stale") {
      // The page now carries the current version, so that importing anyway is a deliberate second post.
      return data(
        {
          errors: { _form: t("rubricForm.stale", { version: saved.currentVersion }) } as Record<string, string>,
          problems: [] as ShownProblem[],
          values,
          staleVersion: saved.currentVersion,
        },
        409,
      );
    }
    if (saved.refusal === "reason_required") return fail({ reason: t("committee.rubric.reasonRequired") });
    const problems = saved.above.map((x) => ({
      path: `rubric.criteria[${x.index}].max`,
      message: t("committee.rubric.maxBelowScores", { criterion: x.criterion, value: formatNumber(x.highest, 0, 4) }),
    }));
    return fail({ json: t("committee.rubric.refused") }, problems);
  }
  return redirect(`/committee/${edition.id}/rubric/${category.id}`, {
    headers: await flash(request, t("committee.rubric.imported")),
  });
}

export default function RubricPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors = a?.errors ?? {};
  return (
    <section>
      <h1>{t("committee.rubric.title", { category: categoryName(t, d.category.key) })}</h1>
      {d.frozen ? (
        <p className="alert alert--warn" role="note">
          {t("committee.rubric.frozen")}
        </p>
      ) : null}
      <FormErrorSummary message={errors._form ?? (Object.keys(errors).length ? t("common.formErrors") : null)} />
      {a?.problems.length ? (
        <div className="alert alert--error problems" role="alert">
          <p>{t("committee.rubric.problems")}</p>
          <ul>
            {a.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.prior !== undefined ? (
        <>
          <h2>{t("rubricForm.prior")}</h2>
          {priorOptionText(t, d.prior).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </>
      ) : null}
      {d.json ? (
        <p>
          <a href={`/committee/${d.edition.id}/rubric-json/${d.category.id}`} download>
            {t("committee.rubric.export")}
          </a>
        </p>
      ) : (
        <p>{t("committee.rubric.none")}</p>
      )}
      <p>
        <Link to={`/committee/${d.edition.id}/rubric/${d.category.id}/edit`}>{t("rubricForm.link")}</Link>
      </p>
      <h2>{t("committee.rubric.importTitle")}</h2>
      <p>{t("committee.rubric.importIntro")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="basedOn" value={a?.staleVersion ?? d.version} />
        <TextareaField
          name="json"
          label={t("committee.rubric.json")}
          rows={18}
          spellCheck={false}
          defaultValue={a?.values.json ?? d.json ?? ""}
          error={errors.json}
        />
        <Field
          name="reason"
          label={`${t("committee.reason")}${d.frozen ? "" : ` (${t("committee.optional")})`}`}
          defaultValue={a?.values.reason ?? ""}
          error={errors.reason}
        />
        <button type="submit" className="primary" name="intent" value="import">
          {t("committee.rubric.import")}
        </button>
      </Form>
      <h2>{t("committee.rubric.versions")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("committee.rubric.version")}
            </th>
            <th scope="col">{t("committee.rubric.createdAt")}</th>
            <th scope="col">{t("committee.rubric.createdBy")}</th>
            <th scope="col">{t("committee.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {d.versions.map((v) => (
            <tr key={v.id}>
              <td className="num">{v.version}</td>
              <td>
                {formatDate(v.created_at.replace(" ", "T") + (v.created_at.includes("Z") ? "" : "Z"), locale, true)}
              </td>
              <td>{v.created_by_name ?? "–"}</td>
              <td>{v.reason ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
