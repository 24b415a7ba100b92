import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEditionCommittee } from "~/lib/committee.server";
import { nominationsAction, nominationsPage, requireNational } from "~/lib/nominations.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";

// The national committee's nominations: link the provincial editions of the year, set each
// category's rule, nominate from the provinces' published results, review re-publications.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  requireNational(edition);
  return nominationsPage(db, edition);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const form = await readForm(request);
  requireNational(edition);
  const { t } = await getT(request);
  return nominationsAction(request, { db, edition, userId: viewer.user.id, form, t });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Nominations() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  // Which form a refusal belongs to: its intent and the row it names.
  const mine = (intent: string, field: string, value: number) =>
    a?.intent === intent && a.values[field] === String(value) ? a : undefined;
  return (
    <section>
      <h1>{t("nominations.title")}</h1>
      <p>{t("nominations.intro")}</p>
      <FormErrorSummary
        message={a?.errors._form ?? (a && Object.keys(a.errors).length ? t("common.formErrors") : null)}
      />
      {d.changes.length ? <Changes d={d} mine={mine} /> : null}

      <h2>{t("nominations.links.title")}</h2>
      {d.links.length === 0 ? (
        <p>{t("nominations.links.empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("nominations.links.province")}</th>
              <th scope="col">{t("nominations.links.edition")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("nominations.links.unlink")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.links.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.province}</th>
                <td>{l.name}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="provincialEditionId" value={l.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="unlink"
                      aria-label={t("nominations.links.unlinkOf", { edition: l.name })}
                    >
                      {t("nominations.links.unlink")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.linkable.length === 0 ? (
        <p className="muted">{t("nominations.links.none", { year: String(d.edition.year) })}</p>
      ) : (
        <Form method="post" noValidate className="inline-form">
          <SelectField
            name="provincialEditionId"
            label={t("nominations.links.choose", { year: String(d.edition.year) })}
            placeholder={t("nominations.links.placeholder")}
            defaultValue={a?.intent === "link" ? a.values.provincialEditionId : ""}
            error={a?.intent === "link" ? a.errors.provincialEditionId : undefined}
            options={d.linkable.map((e) => [String(e.id), `${e.province} — ${e.name}`] as const)}
          />
          <button type="submit" name="intent" value="link">
            {t("nominations.links.link")}
          </button>
        </Form>
      )}

      {d.categories.map((c) => (
        <CategorySection key={c.categoryId} d={d} c={c} ruleRefusal={mine("rule", "categoryId", c.categoryId)} />
      ))}
    </section>
  );
}

type Mine = (
  intent: string,
  field: string,
  value: number,
) => { errors: Record<string, string>; values: Record<string, string> } | undefined;

function CategorySection({
  d,
  c,
  ruleRefusal,
}: {
  d: Data;
  c: Data["categories"][number];
  ruleRefusal: ReturnType<Mine>;
}) {
  const t = useT();
  const name = categoryName(t, c.key);
  const waiting = c.provinces.some((p) => p.candidates.some((x) => !x.nominated));
  return (
    <section aria-labelledby={`cat-${c.categoryId}`}>
      <h2 id={`cat-${c.categoryId}`}>{name}</h2>
      <Form method="post" noValidate className="inline-form">
        <input type="hidden" name="categoryId" value={c.categoryId} />
        <Field
          id={`top-${c.categoryId}`}
          name="top"
          type="number"
          min={1}
          max={d.topMax}
          label={t("nominations.rule.label")}
          hint={t("nominations.rule.hint")}
          defaultValue={ruleRefusal?.values.top ?? String(c.nominateTop)}
          error={ruleRefusal?.errors.top}
        />
        <button type="submit" name="intent" value="rule">
          {t("nominations.rule.save")}
        </button>
      </Form>
      {c.provinces.length === 0 ? (
        <p className="muted">{t("nominations.category.noProvinces")}</p>
      ) : (
        <>
          {waiting ? (
            <Form method="post">
              <input type="hidden" name="categoryId" value={c.categoryId} />
              <button
                type="submit"
                name="intent"
                value="nominateAll"
                className="primary"
                aria-label={t("nominations.nominateAllOf", { category: name })}
              >
                {t("nominations.nominateAll")}
              </button>
            </Form>
          ) : null}
          {c.provinces.map((p) => (
            <ProvinceTable key={p.editionId} editionId={d.edition.id} categoryId={c.categoryId} p={p} />
          ))}
        </>
      )}
    </section>
  );
}

function ProvinceTable({
  editionId,
  categoryId,
  p,
}: {
  editionId: number;
  categoryId: number;
  p: Data["categories"][number]["provinces"][number];
}) {
  const t = useT();
  const heading = t("nominations.province.heading", { province: p.province, edition: p.editionName });
  if (p.publicationId === null)
    return (
      <>
        <h3>{heading}</h3>
        <p className="muted">{t("nominations.province.notPublished")}</p>
      </>
    );
  return (
    <>
      <h3>{heading}</h3>
      {p.candidates.length === 0 ? (
        <p className="muted">{t("nominations.province.noCandidates")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("nominations.rank")}
              </th>
              <th scope="col">{t("nominations.organisation")}</th>
              <th scope="col" className="num">
                {t("nominations.total")}
              </th>
              <th scope="col">{t("nominations.state")}</th>
            </tr>
          </thead>
          <tbody>
            {p.candidates.map((x) => (
              <tr key={x.entryId}>
                <td className="num">{formatNumber(x.rank)}</td>
                <th scope="row">{x.organisation}</th>
                <td className="num">{formatNumber(x.total, 2)}</td>
                <td>
                  {x.nominated ? (
                    <>
                      <StatusBadge tone={x.nominated.status === "rejected" ? "warn" : "good"}>
                        {t(x.nominated.status === "rejected" ? "nominations.withdrawn" : "nominations.nominated")}
                      </StatusBadge>{" "}
                      <Link to={`/committee/${editionId}/progress?category=${categoryId}`}>
                        {t("nominations.viewEntry")}
                      </Link>
                    </>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="categoryId" value={categoryId} />
                      <input type="hidden" name="entryId" value={x.entryId} />
                      <button
                        type="submit"
                        name="intent"
                        value="nominate"
                        aria-label={t("nominations.nominateOf", { organisation: x.organisation })}
                      >
                        {t("nominations.nominate")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Changes({ d, mine }: { d: Data; mine: Mine }) {
  const t = useT();
  const standing = (s: { rank: number | null; total: number | null }) =>
    t("nominations.changes.standing", {
      rank: s.rank === null ? "–" : formatNumber(s.rank),
      total: s.total === null ? "–" : formatNumber(s.total, 2),
    });
  return (
    <section aria-labelledby="changes-title" className="alert alert--warn">
      <h2 id="changes-title">{t("nominations.changes.title")}</h2>
      <p>{t("nominations.changes.intro")}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("nominations.organisation")}</th>
            <th scope="col">{t("nominations.changes.category")}</th>
            <th scope="col">{t("nominations.links.province")}</th>
            <th scope="col">{t("nominations.changes.was")}</th>
            <th scope="col">{t("nominations.changes.now")}</th>
            <th scope="col">{t("nominations.state")}</th>
          </tr>
        </thead>
        <tbody>
          {d.changes.map((c) => {
            const withdrawRefusal = mine("withdraw", "entryId", c.entryId);
            return (
              <tr key={c.entryId}>
                <th scope="row">{c.organisation}</th>
                <td>{categoryName(t, c.categoryKey)}</td>
                <td>{c.province}</td>
                <td>{standing(c.was)}</td>
                <td>{c.now ? standing(c.now) : t("nominations.changes.gone")}</td>
                <td>
                  {c.stillCandidate ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="entryId" value={c.entryId} />
                      <button
                        type="submit"
                        name="intent"
                        value="accept"
                        aria-label={t("nominations.changes.acceptOf", { organisation: c.organisation })}
                      >
                        {t("nominations.changes.accept")}
                      </button>
                    </Form>
                  ) : (
                    <p className="muted">{t("nominations.changes.notCandidate")}</p>
                  )}
                  <Form method="post" noValidate>
                    <input type="hidden" name="entryId" value={c.entryId} />
                    <Field
                      id={`reason-${c.entryId}`}
                      name="reason"
                      label={t("nominations.changes.reasonOf", { organisation: c.organisation })}
                      defaultValue={withdrawRefusal?.values.reason ?? ""}
                      error={withdrawRefusal?.errors.reason}
                      required
                    />
                    <button type="submit" name="intent" value="withdraw">
                      {t("nominations.changes.withdraw")}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
