import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyAssignments } from "../../db/queries/assignments";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDate, formatNumber } from "~/i18n/format";
import { getDb } from "~/lib/db.server";
import { requirePanelMember, refusePost } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import type { CategoryKey } from "../../db/schema";
import { plenariesOfPanelMember } from "../../db/queries/plenary";
import { confirmationStatus } from "../../db/queries/plenary-minutes";
import { PHASE_TONE, plenaryPhase } from "~/domain/plenary-phase";

export const action = refusePost;

// My assignments: the entries assigned to the viewer in the open stage(s), grouped by edition and
// category, with progress and deadline. Entries the viewer declared a conflict with are left out.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePanelMember(request);
  const db = await getDb();
  const [rows, closed] = await Promise.all([
    listMyAssignments(db, viewer.user.id),
    listMyAssignments(db, viewer.user.id, "closed_readable"),
  ]);
  const groups: { key: string; editionName: string; category: CategoryKey; rows: typeof rows }[] = [];
  for (const r of rows) {
    const key = `${r.editionId}:${r.categoryId}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, editionName: r.editionName, category: r.category, rows: [] }));
    g.rows.push(r);
  }
  const editions = new Set(rows.map((r) => r.editionId)).size;
  // The plenaries whose panel the viewer is on, and whether they have confirmed the current minutes.
  const plenaries = [];
  for (const p of await plenariesOfPanelMember(db, viewer.user.id)) {
    const status = await confirmationStatus(db, p.id);
    plenaries.push({
      id: p.id,
      editionName: p.editionName,
      categoryKey: p.categoryKey,
      stage: p.stage,
      phase: plenaryPhase(p),
      minutes: status.minutes !== null,
      confirmedByMe: status.panel.some((m) => m.userId === viewer.user.id && m.confirmedAt !== null),
    });
  }
  return {
    groups,
    editions,
    total: rows.length,
    done: rows.filter((r) => r.status === "submitted").length,
    closed,
    plenaries,
  };
}

const tone = { not_started: "neutral", draft: "warn", submitted: "good" } as const;

export default function AssessHome() {
  const t = useT();
  const locale = useLocale();
  const { groups, editions, total, done, closed, plenaries } = useLoaderData<typeof loader>();
  return (
    <section className="assess-list">
      <h1>{t("assess.home.title")}</h1>
      <p>{t("assess.home.intro")}</p>
      {plenaries.length > 0 ? (
        <section aria-labelledby="plenary-title">
          <h2 id="plenary-title">{t("assess.plenary.title")}</h2>
          <p>{t("assess.plenary.intro")}</p>
          <ul className="assess-plenaries">
            {plenaries.map((p) => {
              const category = categoryName(t, p.categoryKey);
              return (
                <li key={p.id} data-plenary={p.id}>
                  <Link to={`/plenary/${p.id}`} aria-label={t("assess.plenary.openLabel", { category })}>
                    {category} · {stageName(t, p.stage)}
                  </Link>{" "}
                  <span className="muted">· {p.editionName}</span>{" "}
                  <StatusBadge tone={PHASE_TONE[p.phase]}>{t(`plenaryCommittee.state.${p.phase}`)}</StatusBadge>
                  <div className="small">
                    {!p.minutes ? (
                      <span className="muted">{t("assess.plenary.noMinutes")}</span>
                    ) : p.confirmedByMe ? (
                      t("assess.plenary.confirmedByMe")
                    ) : (
                      <Link to={`/plenary/${p.id}/minutes`} aria-label={t("assess.plenary.confirmLabel", { category })}>
                        {t("assess.plenary.confirm")}
                      </Link>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <h2>{t("assess.list.heading")}</h2>
      {total === 0 ? (
        <p>{t("assess.list.empty")}</p>
      ) : (
        <p>{t("assess.list.summary", { done: formatNumber(done), total: formatNumber(total) })}</p>
      )}
      {groups.map((g) => {
        const category = categoryName(t, g.category);
        return (
          <section key={g.key} aria-labelledby={`cat-${g.key}`}>
            <h3 id={`cat-${g.key}`}>
              {category}
              {editions > 1 ? <span className="muted"> · {g.editionName}</span> : null}
            </h3>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("assess.list.caption", { category })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("assess.list.organisation")}</th>
                    <th scope="col">{t("assess.list.stage")}</th>
                    <th scope="col">{t("assess.list.progress")}</th>
                    <th scope="col">{t("assess.list.deadline")}</th>
                    <th scope="col">{t("assess.list.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => {
                    const action = t(
                      r.status === "submitted"
                        ? "assess.list.view"
                        : r.status === "draft"
                          ? "assess.list.continue"
                          : "assess.list.start",
                    );
                    return (
                      <tr key={r.assignmentId} data-entry={r.entryId}>
                        <th scope="row">
                          {r.organisationName}
                          <div className="muted small">{r.region}</div>
                        </th>
                        <td>{stageName(t, r.stage)}</td>
                        <td>
                          <StatusBadge tone={tone[r.status]}>{t(`assess.status.${r.status}`)}</StatusBadge>
                          {r.hasConflict === null ? (
                            <div className="muted small">{t("assess.list.undeclared")}</div>
                          ) : null}
                        </td>
                        <td>{formatDate(r.deadline, locale, true)}</td>
                        <td>
                          <Link
                            to={`/assess/${r.entryId}`}
                            aria-label={t("assess.list.actionLabel", { action, organisation: r.organisationName })}
                          >
                            {action}
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {closed.length > 0 ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">{t("assess.closed.title")}</h2>
          <p>{t("assess.closed.intro")}</p>
          <ul>
            {closed.map((r) => (
              <li key={r.assignmentId}>
                <Link to={`/assess/${r.entryId}?stage=${r.stage}`}>{r.organisationName}</Link>
                {" · "}
                {stageName(t, r.stage)} · {categoryName(t, r.category)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
