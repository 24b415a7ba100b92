import type { CategoryKey, StageKey } from "../../db/schema";
import { formatDate, formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import { useLocale, useT } from "~/lib/use-t";

/** What /verify shows of a plenary's minutes (app/lib/minutes.server.ts `minutesVerification`). */
export interface MinutesFound {
  intact: boolean;
  edition: string;
  category: CategoryKey | null;
  stage: StageKey | null;
  heldOn: string;
  place: string;
  issuedAt: string;
  withdrawnAt: string | null;
  confirmed: number;
  panel: number;
}

export function MinutesVerification({ found }: { found: MinutesFound }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {found.intact ? (
        <p className="alert alert--info" role="status">
          {t("minutes.verify.intact")}
        </p>
      ) : (
        <p className="alert alert--error" role="status">
          {t("minutes.verify.broken")}
        </p>
      )}
      {found.withdrawnAt ? (
        <p className="alert alert--warn">
          {t("minutes.verify.withdrawn", { at: formatDate(found.withdrawnAt, locale, true) })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("common.edition")}</dt>
        <dd>{found.edition}</dd>
        <dt>{t("common.category")}</dt>
        <dd>{found.category ? categoryName(t, found.category) : "–"}</dd>
        <dt>{t("minutes.pdf.stage")}</dt>
        <dd>{found.stage ? stageName(t, found.stage) : "–"}</dd>
        <dt>{t("minutes.pdf.heldOn")}</dt>
        <dd>{formatDate(`${found.heldOn}T12:00:00+07:00`, locale)}</dd>
        <dt>{t("minutes.pdf.place")}</dt>
        <dd>{found.place}</dd>
        <dt>{t("minutes.pdf.issued")}</dt>
        <dd>{formatDate(found.issuedAt, locale, true)}</dd>
        <dt>{t("minutes.verify.confirmed")}</dt>
        <dd>
          {t("minutes.verify.confirmedCount", {
            done: formatNumber(found.confirmed),
            total: formatNumber(found.panel),
          })}
        </dd>
      </dl>
    </>
  );
}
