import type { MouseEvent } from "react";
import { formatNumber } from "~/i18n/format";
import type { SavedScore } from "~/lib/assess-form";
import { parseNumber } from "~/lib/form-number";
import { useT } from "~/lib/use-t";

// What a scoresheet shows after a stale refusal (another tab or device saved meanwhile): per
// criterion the saved score and note beside the user's, and the choice between them. Works
// without JavaScript: "replace with mine" is a submit of the form (based on the version just
// seen), "use the saved ones" a link that loads the page again.

/** One criterion's saved score and note beside the user's input. */
export function SavedVsMine({
  criterionKey,
  saved,
  score,
  note,
}: {
  criterionKey: string;
  saved: SavedScore | undefined;
  score: string;
  note: string;
}) {
  const t = useT();
  const savedScore = saved?.value ?? null;
  const savedNote = saved?.note ?? "";
  const typed = score.trim() === "" ? null : parseNumber(score);
  const differs = typed !== savedScore || note.trim() !== savedNote;
  const text = (value: string, n: string) => t("assess.stale.value", { value: value || "–", note: n.trim() || "–" });
  return (
    <table className="saved-vs-mine" data-testid={`compare-${criterionKey}`} data-differs={differs ? "" : undefined}>
      <caption className="visually-hidden">
        {t("assess.stale.compare")}
        {differs ? ` (${t("assess.stale.differs")})` : ""}
      </caption>
      <tbody>
        <tr>
          <th scope="row">{t("assess.stale.saved")}</th>
          <td data-testid={`saved-${criterionKey}`}>
            {text(savedScore === null ? "" : formatNumber(savedScore, 0, 4), savedNote)}
          </td>
        </tr>
        <tr>
          <th scope="row">{t("assess.stale.mine")}</th>
          <td data-testid={`mine-${criterionKey}`}>
            {text(typed === null ? score.trim() : formatNumber(typed, 0, 4), note)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The two ways out of a stale refusal; autosave waits until one is taken. */
export function StaleChoice({
  reloadHref,
  onUseSaved,
  busy,
}: {
  reloadHref: string;
  onUseSaved: () => void;
  busy: boolean;
}) {
  const t = useT();
  const useSaved = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    onUseSaved();
  };
  return (
    <fieldset className="stale-choice" id="stale-choice">
      <legend>{t("assess.stale.choose")}</legend>
      <div className="stale-choice__option">
        <button
          type="submit"
          name="intent"
          value="overwrite"
          className="danger"
          disabled={busy}
          aria-describedby="stale-replace-hint"
        >
          {t("assess.stale.replace")}
        </button>
        <p className="hint" id="stale-replace-hint">
          {t("assess.stale.replaceHint")}
        </p>
      </div>
      <div className="stale-choice__option">
        <a href={reloadHref} className="button" onClick={useSaved} aria-describedby="stale-saved-hint">
          {t("assess.stale.useSaved")}
        </a>
        <p className="hint" id="stale-saved-hint">
          {t("assess.stale.useSavedHint")}
        </p>
      </div>
    </fieldset>
  );
}
