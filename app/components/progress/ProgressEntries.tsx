import { Form, Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import type { CategoryKey } from "../../../db/schema";
import type { stageProgress } from "../../../db/queries/progress";
import { SelectField } from "~/components/Field";
import { Pagination } from "~/components/Pagination";
import { StatusBadge } from "~/components/StatusBadge";
import { categoryName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/lib/use-t";

// The progress page's per-entry part: a GET filter (category, only entries still behind), one
// page of entries with their scoresheets and reopen links, and plain page links (no JavaScript
// needed). Every link keeps the stage, the filter and the page.

type EntryPage = SerializeFrom<Awaited<ReturnType<typeof stageProgress>>["entries"]>;

export interface ListState {
  stage: string;
  categoryId: number | null;
  outstanding: boolean;
}

/** The list's query string: stage, filter and page (page 1 and an empty filter left out). */
export function listQuery(q: ListState & { page?: number }) {
  const s = new URLSearchParams({ stage: q.stage });
  if (q.categoryId !== null) s.set("category", String(q.categoryId));
  if (q.outstanding) s.set("open", "1");
  if (q.page && q.page > 1) s.set("page", String(q.page));
  return s.toString();
}

const tone = { not_started: "neutral", draft: "warn", submitted: "good", conflict: "info" } as const;

export function ProgressEntries(p: {
  base: string;
  list: ListState;
  categories: { id: number; key: CategoryKey }[];
  entries: EntryPage;
}) {
  const t = useT();
  const { entries: e, list } = p;
  const here = listQuery({ ...list, page: e.page });
  const pageLink = (page: number) => `${p.base}?${listQuery({ ...list, page })}`;
  const filtered = list.categoryId !== null || list.outstanding;
  return (
    <>
      <Form method="get" action={p.base} className="progress__filter" aria-label={t("committee.progress.filter")}>
        <input type="hidden" name="stage" value={list.stage} />
        <SelectField
          name="category"
          id="progress-category"
          label={t("common.category")}
          defaultValue={list.categoryId === null ? "" : String(list.categoryId)}
          placeholder={t("committee.progress.allCategories")}
          options={p.categories.map((c) => [String(c.id), categoryName(t, c.key)])}
        />
        <label className="progress__open">
          <input type="checkbox" name="open" value="1" defaultChecked={list.outstanding} />{" "}
          {t("committee.progress.outstandingOnly")}
        </label>
        <div className="progress__buttons">
          <button type="submit">{t("committee.progress.apply")}</button>
          {filtered ? (
            <>
              {" "}
              <Link to={`${p.base}?${listQuery({ stage: list.stage, categoryId: null, outstanding: false })}`}>
                {t("committee.progress.clearFilter")}
              </Link>
            </>
          ) : null}
        </div>
      </Form>
      <p role="status">
        {e.total === 0
          ? t("committee.progress.noEntries")
          : t("committee.progress.entryCount", {
              from: formatNumber(e.from),
              to: formatNumber(e.to),
              total: formatNumber(e.total),
              page: formatNumber(e.page),
              pages: formatNumber(e.pages),
            })}
      </p>
      {e.rows.length > 0 ? (
        <table className="data progress__entries">
          <thead>
            <tr>
              <th scope="col">{t("common.organisation")}</th>
              <th scope="col">{t("common.category")}</th>
              <th scope="col">{t("committee.progress.entryStatus")}</th>
              <th scope="col">{t("committee.progress.sheets")}</th>
              <th scope="col">{t("committee.progress.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {e.rows.map((r) => (
              <tr key={r.entryId}>
                <th scope="row">{r.organisationName}</th>
                <td>{categoryName(t, r.category)}</td>
                <td>{t(`entryStatus.${r.entryStatus}`)}</td>
                <td>
                  <ul className="progress__sheets">
                    {r.sheets.map((s) => (
                      <li key={s.assignmentId ?? `replaced-${s.userId}`}>
                        {s.userName}:{" "}
                        <StatusBadge tone={tone[s.state]}>
                          {s.state === "conflict"
                            ? t("committee.progress.conflictDeclared")
                            : t(`assess.status.${s.state}`)}
                        </StatusBadge>
                        {s.replacedBy ? ` ${t("committee.progress.replacedBy", { name: s.replacedBy })}` : null}
                        {s.state === "submitted" ? (
                          <>
                            {" "}
                            <Link
                              to={`${p.base}?${here}&reopen=${s.assignmentId}`}
                              aria-label={t("committee.progress.reopenSheetOf", {
                                person: s.userName,
                                organisation: r.organisationName,
                              })}
                            >
                              {t("committee.progress.reopenSheet")}
                            </Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {r.entryStatus === "submitted" ? (
                    <Link
                      to={`${p.base}?${here}&reopenEntry=${r.entryId}`}
                      aria-label={t("committee.progress.reopenEntryOf", { organisation: r.organisationName })}
                    >
                      {t("committee.progress.reopenEntry")}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination page={e.page} pages={e.pages} link={pageLink} label={t("committee.progress.pages")} />
    </>
  );
}
