import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommentThread } from "~/components/plenary/CommentThread";
import { DecisionForms } from "~/components/plenary/DecisionForms";
import { GrantForm, ReviseForm, RevisionList } from "~/components/plenary/RevisionForms";
import { SheetsTable } from "~/components/plenary/SheetsTable";
import { formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import { plenaryEntryAction, plenaryEntryLoader } from "~/lib/plenary-entry.server";
import { useT } from "~/lib/use-t";

// One entry in the plenary: its sheets side by side, the way to the previous and next entry in
// discussion order, the discussion, the revision windows and the plenary's decision (the chair's
// forms; the assessor's revision of a granted criterion on their own sheet).

export const loader = plenaryEntryLoader;
export const action = plenaryEntryAction;

const points = (n: number | null) => (n === null ? "–" : formatNumber(n, 2));

export default function PlenaryEntry() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const p = d.plenary;
  const chair = d.role === "chair";
  const writable = p.stageOpen && !p.hasMinutes;
  const base = `/plenary/${p.id}`;
  const active = d.decisions.find((x) => x.withdrawnAt === null);
  return (
    <section className="plenary plenary--entry">
      <p>
        <Link to={base} className="plenary__button">
          {t("plenary.entry.back")}
        </Link>
      </p>
      <p className="muted">
        {t("plenary.title", { category: categoryName(t, p.categoryKey), stage: stageName(t, p.stage) })}
      </p>
      <h1>{d.entry.organisation}</h1>
      <p>
        {t("plenary.entry.figures", {
          rank: d.sheets.rank === null ? "–" : formatNumber(d.sheets.rank),
          total: points(d.sheets.total),
          running: points(d.sheets.running),
        })}
        {d.sheets.disagreement ? (
          <>
            {" "}
            <span className="badge badge--warn">{t("plenary.sheets.disagreement")}</span>
          </>
        ) : null}
        {active ? (
          <>
            {" "}
            <span className={`badge badge--${active.decision === "advance" ? "good" : "bad"}`}>
              {t(`plenary.decision.${active.decision}`)}
            </span>
          </>
        ) : null}
      </p>
      <nav className="plenary__pager" aria-label={t("plenary.entry.back")}>
        {d.prev ? (
          <Link to={`${base}/entries/${d.prev.entryId}`} className="button plenary__button" rel="prev">
            {t("plenary.entry.prev", { organisation: d.prev.organisation })}
          </Link>
        ) : null}
        {d.next ? (
          <Link to={`${base}/entries/${d.next.entryId}`} className="button plenary__button" rel="next">
            {t("plenary.entry.next", { organisation: d.next.organisation })}
          </Link>
        ) : null}
      </nav>
      {!p.stageOpen ? <p className="alert alert--info">{t("plenary.stageClosed")}</p> : null}
      {p.stageOpen && p.hasMinutes ? <p className="alert alert--info">{t("plenary.minutesIssued")}</p> : null}

      <h2>{t("plenary.sheets.title")}</h2>
      {d.sheets.unsubmitted > 0 ? (
        <p className="alert alert--warn" role="status">
          {t("plenary.sheets.unsubmitted", { n: formatNumber(d.sheets.unsubmitted) })}
        </p>
      ) : null}
      <SheetsTable criteria={d.sheets.criteria} sheets={d.sheets.sheets} panel={d.sheets.panel} rank={d.sheets.rank} />

      <h2>{t("plenary.revisions.title")}</h2>
      <RevisionList revisions={d.revisions} criteria={d.sheets.criteria} chair={chair && writable} answer={answer} />
      {writable
        ? d.myRevisions.map((r) => <ReviseForm key={r.id} revision={r} criteria={d.sheets.criteria} answer={answer} />)
        : null}
      {chair && writable ? <GrantForm sheets={d.sheets.sheets} criteria={d.sheets.criteria} answer={answer} /> : null}

      <DecisionForms
        decisions={d.decisions}
        chair={chair && writable}
        canAdvance={!d.sheets.lastStage}
        minReason={d.limits.minReason}
        answer={answer}
      />

      <CommentThread comments={d.comments} answer={p.stageOpen ? answer : undefined} maxLength={d.limits.maxComment} />
    </section>
  );
}
