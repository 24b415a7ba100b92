import { Link } from "@remix-run/react";
import { formatFileSize } from "~/i18n/format";
import type { ScoreData } from "~/lib/assess-workspace.server";
import { isPreviewable } from "~/lib/evidence-types";
import { useLocale, useT } from "~/lib/use-t";

type Evidence = ScoreData["evidence"];

/**
 * The entry's evidence grouped by criterion (judged criteria first, then the others), and the
 * selected file shown in the page (PDF in a frame, images inline); `?file=` switches the file.
 * Files carried over from the provincial level are labelled with their edition (and marked when a
 * national file of the criterion supersedes them); those of criteria the national rubric does not
 * have come last, under "Bukti lain dari tingkat provinsi".
 */
export function EvidenceList({ data: d }: { data: ScoreData }) {
  const t = useT();
  const locale = useLocale();
  const selected = d.evidence.find((f) => f.id === d.selectedFileId) ?? null;
  const judgedKeys = new Set(d.criteria.map((c) => c.key));
  const carriedOther = d.evidence.filter((f) => f.carried?.standing === "other");
  const listed = d.evidence.filter((f) => f.carried?.standing !== "other");
  const otherKeys = [...new Set(listed.map((f) => f.criterionKey))].filter((k) => !judgedKeys.has(k));
  const otherName = (k: string) => {
    const n = d.criterionNames[k];
    return n ? (locale === "en" ? n.en : n.id) : t("assess.evidence.other");
  };
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t("assess.evidence.title")}</h2>
      {d.evidence.length === 0 ? <p>{t("assess.evidence.none")}</p> : null}
      {d.criteria.map((c) => {
        const files = listed.filter((f) => f.criterionKey === c.key);
        return (
          <section key={c.key} className="evidence-group">
            <h3>{locale === "en" ? c.nameEn : c.nameId}</h3>
            {files.length ? (
              <FileList files={files} selectedFileId={d.selectedFileId} />
            ) : (
              <p className="muted">{t("assess.evidence.noneFor")}</p>
            )}
          </section>
        );
      })}
      {otherKeys.map((k) => (
        <section key={k} className="evidence-group">
          <h3>{otherName(k)}</h3>
          <FileList files={listed.filter((f) => f.criterionKey === k)} selectedFileId={d.selectedFileId} />
        </section>
      ))}
      {carriedOther.length ? (
        <section className="evidence-group">
          <h3>{t("assess.evidence.carriedOther")}</h3>
          <FileList files={carriedOther} selectedFileId={d.selectedFileId} />
        </section>
      ) : null}
      {selected ? (
        <figure className="evidence-viewer">
          <figcaption>{t("assess.evidence.viewer", { name: selected.name })}</figcaption>
          {selected.mime === "application/pdf" ? (
            <iframe
              src={`/evidence/${selected.id}`}
              title={t("assess.evidence.viewer", { name: selected.name })}
              className="evidence-frame"
            />
          ) : (
            <img src={`/evidence/${selected.id}`} alt={selected.name} className="evidence-image" />
          )}
        </figure>
      ) : d.evidence.length ? (
        <p className="muted">{t("assess.evidence.noPreview")}</p>
      ) : null}
    </section>
  );
}

/** One criterion's files: show in the page (previewable ones) or open in a new tab, else download. */
function FileList({ files, selectedFileId }: { files: Evidence; selectedFileId: number | null }) {
  const t = useT();
  return (
    <ul className="evidence-files">
      {files.map((f) => (
        <li key={f.id}>
          <span className="evidence-name">{f.name}</span>{" "}
          <span className="muted small">({formatFileSize(f.size)})</span>
          {f.carried ? (
            <>
              {" "}
              <span className="muted small">{t("assess.evidence.carriedFrom", { edition: f.carried.edition })}</span>
              {f.carried.standing === "superseded" ? (
                <>
                  {" "}
                  <span className="badge badge--warn">{t("assess.evidence.superseded")}</span>
                </>
              ) : null}
            </>
          ) : null}
          <span className="evidence-links">
            {isPreviewable(f.mime) ? (
              <>
                {f.id === selectedFileId ? (
                  <strong aria-current="true">{t("assess.evidence.showing")}</strong>
                ) : (
                  <Link
                    to={{ search: `?file=${f.id}` }}
                    preventScrollReset
                    replace
                    aria-label={t("assess.evidence.show", { name: f.name })}
                  >
                    {t("assess.evidence.show", { name: "" }).trim()}
                  </Link>
                )}
                <a href={`/evidence/${f.id}`} target="_blank" rel="noopener noreferrer">
                  {t("assess.evidence.openNew")}
                </a>
              </>
            ) : (
              <a href={`/evidence/${f.id}`} download>
                {t("assess.evidence.download", { name: f.name })}
              </a>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
