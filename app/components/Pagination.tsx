import { Link } from "@remix-run/react";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/lib/use-t";

/**
 * Page links of a long list (plain links: they work without JavaScript): first, previous,
 * "page x of y", next, last. Nothing when everything fits on one page.
 */
export function Pagination({
  page,
  pages,
  link,
  label,
}: {
  page: number;
  pages: number;
  /** The URL of a page. */
  link: (page: number) => string;
  /** What the pages are of (the navigation's accessible name). */
  label: string;
}) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? (
        <>
          <Link to={link(1)}>{t("common.page.first")}</Link>
          <Link to={link(page - 1)} rel="prev">
            {t("common.page.previous")}
          </Link>
        </>
      ) : null}
      <span>{t("common.page.of", { page: formatNumber(page), pages: formatNumber(pages) })}</span>
      {page < pages ? (
        <>
          <Link to={link(page + 1)} rel="next">
            {t("common.page.next")}
          </Link>
          <Link to={link(pages)}>{t("common.page.last")}</Link>
        </>
      ) : null}
    </nav>
  );
}
