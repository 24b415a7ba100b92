import { Form } from "@remix-run/react";
import type { CategoryKey, StageKey } from "../../../db/schema";
import type { EmptyPlanReason } from "~/lib/auto-assign";
import { useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";

export interface AssignPreview {
  stage: StageKey;
  k: number;
  cap: number;
  entries: number;
  pairCount: number;
  /** New pairs by entry, in category then organisation order. */
  pairs: { entryId: number; organisation: string; category: CategoryKey; existing: string[]; added: string[] }[];
  empty: EmptyPlanReason | null;
  loads: { person: number; name: string; existing: number; added: number; total: number }[];
  short: { entry: number; name: string; missing: number }[];
}

/** The auto-assign plan before it is applied: who gets which entrant, each person's load, what is left short. */
export function AutoAssignPreview({ preview: p }: { preview: AssignPreview }) {
  const t = useT();
  return (
    <section aria-labelledby="preview-title" className="preview">
      <h3 id="preview-title">{t("committee.assign.previewTitle", { stage: stageName(t, p.stage) })}</h3>
      <p role="status">
        {t("committee.assign.previewSummary", {
          entries: formatNumber(p.entries),
          pairs: formatNumber(p.pairCount),
          k: p.k,
          cap: p.cap,
        })}
      </p>
      {p.pairs.length ? (
        <table className="data pairs">
          <caption>{t("committee.assign.pairsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.category")}</th>
              <th scope="col">{t("common.organisation")}</th>
              <th scope="col">{t("committee.assign.newPeople")}</th>
              <th scope="col">{t("committee.assign.existingPeople")}</th>
            </tr>
          </thead>
          <tbody>
            {p.pairs.map((x) => (
              <tr key={x.entryId}>
                <td>{categoryName(t, x.category)}</td>
                <th scope="row">{x.organisation}</th>
                <td>{x.added.join(", ")}</td>
                <td>{x.existing.length ? x.existing.join(", ") : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="data loads">
        <caption>{t("committee.assign.loadsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("committee.assign.person")}</th>
            <th scope="col" className="num">
              {t("committee.assign.existing")}
            </th>
            <th scope="col" className="num">
              {t("committee.assign.added")}
            </th>
            <th scope="col" className="num">
              {t("committee.assign.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.loads.map((l) => (
            <tr key={l.person}>
              <th scope="row">{l.name}</th>
              <td className="num">{formatNumber(l.existing)}</td>
              <td className="num">{formatNumber(l.added)}</td>
              <td className="num">{formatNumber(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.short.length ? (
        <div className="alert alert--warn">
          <p>{t("committee.assign.short")}</p>
          <ul>
            {p.short.map((s) => (
              <li key={s.entry}>
                {s.name}: {formatNumber(s.missing)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.empty ? (
        <p className="alert alert--info">{t(`committee.assign.empty.${p.empty}`)}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="stage" value={p.stage} />
          <input type="hidden" name="k" value={p.k} />
          <input type="hidden" name="cap" value={p.cap} />
          <button type="submit" className="primary" name="intent" value="apply">
            {t("committee.assign.apply", { count: formatNumber(p.pairCount) })}
          </button>
        </Form>
      )}
    </section>
  );
}
