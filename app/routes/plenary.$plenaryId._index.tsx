import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgreementFigures } from "~/components/AgreementFigures";
import { DiscussionTable } from "~/components/plenary/DiscussionTable";
import type { DiscussionGroup } from "~/domain/plenary";
import { formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import { refusePost } from "~/lib/guards.server";
import { plenaryHeading, requirePlenary } from "~/lib/plenary-access.server";
import { discussionList } from "~/lib/plenary-view.server";
import { useT } from "~/lib/use-t";

// The plenary's discussion list (docs/plenary.md): the category's entries at the stage in
// discussion order, under three headings, with the stage's agreement and a warning while sheets
// are not all submitted. Panel and committee only; a panel member's conflicted entries are left out.

export const action = refusePost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, viewer, plenary, role } = await requirePlenary(request, params);
  const list = await discussionList(db, plenary, { userId: viewer.user.id, role });
  return {
    plenary: plenaryHeading(plenary),
    ...list,
  };
}

const GROUPS: DiscussionGroup[] = ["disagreement", "near_cut", "rest"];

export default function PlenaryDiscussion() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const p = d.plenary;
  return (
    <section className="plenary">
      <h1>{t("plenary.title", { category: categoryName(t, p.categoryKey), stage: stageName(t, p.stage) })}</h1>
      <p className="muted">
        {t("plenary.edition", { edition: p.editionName })} · {t("plenary.chair", { name: p.chairName })}
      </p>
      <p>{t("plenary.intro")}</p>
      <p>
        <Link to={`/plenary/${p.id}/minutes`} className="button plenary__button">
          {t("plenary.minutesLink")}
        </Link>
      </p>
      {!p.stageOpen ? <p className="alert alert--info">{t("plenary.stageClosed")}</p> : null}
      {p.stageOpen && p.hasMinutes ? <p className="alert alert--info">{t("plenary.minutesIssued")}</p> : null}
      {d.unsubmitted > 0 ? (
        <p className="alert alert--warn" role="status">
          {t("plenary.unsubmitted", { n: formatNumber(d.unsubmitted) })}
        </p>
      ) : null}
      {d.agreement ? (
        <section className="plenary__agreement" aria-label={t("plenary.agreement")}>
          <h2>{t("plenary.agreement")}</h2>
          <AgreementFigures agreement={d.agreement} />
        </section>
      ) : null}
      <p>
        {d.cut === null
          ? t("plenary.noCut")
          : t("plenary.cut", { cut: formatNumber(d.cut, 2), margin: formatNumber(p.margin, 0, 2) })}
      </p>
      {d.rows.length === 0 ? (
        <p>{t("plenary.empty")}</p>
      ) : (
        GROUPS.map((g) => (
          <DiscussionTable key={g} group={g} rows={d.rows.filter((r) => r.group === g)} plenaryId={p.id} cut={d.cut} />
        ))
      )}
    </section>
  );
}
