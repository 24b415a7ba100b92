import { Form, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { NumberStepper } from "~/components/NumberStepper";
import { formatDate, formatNumber } from "~/i18n/format";
import { stageName } from "~/i18n/labels";
import { noteName, scoreName } from "~/lib/assess-form";
import type { ScoreData } from "~/lib/assess-workspace.server";
import { useLocale, useT } from "~/lib/use-t";
import { SavedVsMine, StaleChoice } from "./StaleChoice";
import { useAutosave } from "./use-autosave";
import { useLeaveWarning } from "./use-leave-warning";

/**
 * The scoring form: a score and note per judged criterion, saved as drafts (autosave, or the save
 * button), then submitted. Read-only once submitted or when the stage does not accept scores.
 * After a stale refusal each criterion shows what is saved now beside the user's input, and the
 * user chooses: replace the saved scores with theirs, or use the saved ones (StaleChoice).
 */
export function Scoresheet({ data: d }: { data: ScoreData }) {
  const t = useT();
  const locale = useLocale();
  const readOnly = d.sheet.status === "submitted" || d.accepts !== "ok";
  const location = useLocation();
  const {
    formRef,
    initial,
    base,
    result,
    resultSeq,
    stale,
    mine,
    loadedSaved,
    takeSaved,
    unsaved,
    saving,
    busy,
    onEdit,
    onSubmit,
  } = useAutosave({
    entryId: d.header.entryId,
    version: d.sheet.version,
    readOnly,
  });
  const blocker = useLeaveWarning(unsaved);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const errors = result?.kind === "refused" ? result.errors : {};
  const values = initial?.kind === "refused" ? initial.values : undefined;
  const saved = new Map(d.scores.map((s) => [s.criterionId, s]));
  const staleScores = new Map((stale?.scores ?? []).map((s) => [s.criterionId, s]));
  const deadline = formatDate(d.header.deadline, locale, true);

  let status: string | null = null;
  if (saving) status = t("assess.form.saving");
  else if (stale) status = t("assess.form.autosavePaused");
  else if (loadedSaved) status = t("assess.form.loadedSaved");
  else if (unsaved) status = t("assess.form.unsaved");
  else if (result?.kind === "saved") {
    status = result.auto
      ? t("assess.form.autosaved", {
          time: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
            timeZone: "Asia/Jakarta",
          }).format(new Date(result.at)),
        })
      : t("assess.form.saved");
  }

  return (
    // The panel scrolls on its own (sticky beside the evidence): focusable so that keyboard users
    // can scroll it too, named by its heading.
    <aside className="assess-scoring" aria-labelledby="score-title" tabIndex={0}>
      <h2 id="score-title">{t("assess.form.title")}</h2>
      <p className="muted small" data-testid="panel-view">
        {panelViewText(t, d)}
      </p>
      {d.sheet.status === "submitted" ? (
        <p className="alert alert--info">
          {t("assess.form.submittedOn", { date: formatDate(d.sheet.submittedAt, locale, true) })}
        </p>
      ) : d.accepts === "stage_closed" ? (
        <p className="alert alert--warn">{t("assess.form.stageNotOpen", { stage: stageName(t, d.header.stage) })}</p>
      ) : d.accepts === "deadline" ? (
        <p className="alert alert--warn">{t("assess.form.deadlinePassed", { deadline })}</p>
      ) : null}
      {result?.kind === "refused" ? (
        <RefusalAlert key={resultSeq} message={result.message} focus={!result.auto} toChoice={!!stale} />
      ) : null}
      {d.criteria.length === 0 ? <p>{t("assess.form.none")}</p> : null}
      <Form
        method="post"
        ref={formRef}
        noValidate
        onChange={onEdit}
        onSubmit={onSubmit}
        className="scoresheet"
        data-hydrated={hydrated ? "" : undefined}
      >
        <input type="hidden" name="version" value={base} />
        {stale ? <input type="hidden" name="seenVersion" value={stale.version} /> : null}
        {d.criteria.map((c) => {
          const sn = scoreName(c);
          const nn = noteName(c);
          const s = saved.get(c.id);
          const other = staleScores.get(c.id);
          return (
            <fieldset key={c.id} className="criterion">
              <legend>
                {locale === "en" ? c.nameEn : c.nameId}
                {c.evidenceRequired ? (
                  <span className="muted small"> · {t("assess.form.evidenceRequired")}</span>
                ) : null}
              </legend>
              {(locale === "en" ? c.descriptionEn : c.descriptionId) ? (
                <p className="hint">{locale === "en" ? c.descriptionEn : c.descriptionId}</p>
              ) : null}
              <div className={`field${errors[sn] ? " field--error" : ""}`}>
                <label htmlFor={`f-${sn}`}>
                  {c.step === 1
                    ? t("assess.form.score", { max: formatNumber(c.max) })
                    : t("assess.form.scoreStep", { max: formatNumber(c.max), step: formatNumber(c.step, 0, 4) })}
                </label>
                <NumberStepper
                  id={`f-${sn}`}
                  name={sn}
                  label={locale === "en" ? c.nameEn : c.nameId}
                  min={0}
                  max={c.max}
                  step={c.step}
                  defaultValue={values?.[sn] ?? s?.value ?? ""}
                  disabled={readOnly}
                  aria-invalid={errors[sn] ? true : undefined}
                  aria-describedby={errors[sn] ? `f-${sn}-error` : undefined}
                />
                {errors[sn] ? (
                  <p className="error" id={`f-${sn}-error`}>
                    {errors[sn]}
                  </p>
                ) : null}
              </div>
              <div className={`field${errors[nn] ? " field--error" : ""}`}>
                <label htmlFor={`f-${nn}`}>{t("assess.form.note")}</label>
                <p className="hint" id={`f-${nn}-hint`}>
                  {t("assess.form.noteHint", { max: formatNumber(c.max) })}
                </p>
                <textarea
                  id={`f-${nn}`}
                  name={nn}
                  rows={3}
                  maxLength={2000}
                  defaultValue={values?.[nn] ?? s?.note ?? ""}
                  disabled={readOnly}
                  aria-invalid={errors[nn] ? true : undefined}
                  aria-describedby={[`f-${nn}-hint`, errors[nn] ? `f-${nn}-error` : ""].filter(Boolean).join(" ")}
                />
                {errors[nn] ? (
                  <p className="error" id={`f-${nn}-error`}>
                    {errors[nn]}
                  </p>
                ) : null}
              </div>
              {d.others ? (
                <OtherScores scores={d.others.scores.filter((o) => o.criterionId === c.id)} criterionKey={c.key} />
              ) : null}
              {stale ? (
                <SavedVsMine criterionKey={c.key} saved={other} score={mine[sn] ?? ""} note={mine[nn] ?? ""} />
              ) : null}
            </fieldset>
          );
        })}
        {!readOnly && d.criteria.length ? (
          <>
            <p className="hint">{t("assess.form.submitHint")}</p>
            {/* While a stale refusal waits, save and submit are off (they would be refused again) and
                stay first, so that Enter in a field never picks one of the choices by itself. */}
            <div className="form-actions">
              <button type="submit" name="intent" value="save" disabled={busy || !!stale}>
                {t("assess.form.save")}
              </button>
              <button type="submit" name="intent" value="submit" className="primary" disabled={busy || !!stale}>
                {t("assess.form.submit")}
              </button>
            </div>
            {stale ? (
              <StaleChoice
                reloadHref={location.pathname + reloadSearch(location.search)}
                onUseSaved={() => takeSaved(d.criteria.map((c) => c.id))}
                busy={busy}
              />
            ) : null}
          </>
        ) : null}
        <p role="status" className="save-status muted small">
          {status}
        </p>
      </Form>
      {blocker.state === "blocked" ? (
        <div className="leave-dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-q">
          <p id="leave-q">{t("assess.form.leaveQuestion")}</p>
          <div className="form-actions">
            <button type="button" ref={(el) => el?.focus()} onClick={() => blocker.reset?.()}>
              {t("assess.form.stay")}
            </button>
            <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
              {t("assess.form.leave")}
            </button>
          </div>
        </div>
      ) : null}
    </aside>
  );
}

/** The other panel members' scores of one criterion (unnamed), shown after the stage closed. */
function OtherScores({
  scores,
  criterionKey,
}: {
  scores: { sheet: number; value: number | null; note: string | null }[];
  criterionKey: string;
}) {
  const t = useT();
  return (
    <div className="other-scores" data-testid={`others-${criterionKey}`}>
      <p className="small">
        <strong>{t("assess.others.title")}</strong>
      </p>
      {scores.length === 0 ? (
        <p className="muted small">{t("assess.others.none")}</p>
      ) : (
        <ul className="small">
          {scores.map((o) => (
            <li key={o.sheet}>
              {t("assess.others.sheet", { n: o.sheet, value: o.value === null ? "–" : formatNumber(o.value, 0, 4) })}
              {o.note ? (
                <>
                  {" "}
                  — <q>{o.note}</q>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A refused save, announced once. Focus moves to it once per refusal after an explicit save (not
 * after an autosave, and not again on later re-renders, so typing in a field is never interrupted).
 */
function RefusalAlert({ message, focus, toChoice }: { message: string; focus: boolean; toChoice: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {message}
      {toChoice ? (
        <>
          {" "}
          <a href="#stale-choice">{t("assess.stale.toChoice")}</a>
        </>
      ) : null}
    </div>
  );
}

/** The page's own query without the autosave marker: "use the saved ones" loads it again. */
function reloadSearch(search: string) {
  const query = new URLSearchParams(search);
  query.delete("auto");
  const q = query.toString();
  return q ? `?${q}` : "";
}

/** What the panel may read of one another on this sheet, as the committee set it for the stage. */
function panelViewText(t: ReturnType<typeof useT>, d: ScoreData) {
  if (d.header.stageStatus !== "closed") return t("assess.form.blind");
  if (d.panelView === "none") return t("assess.view.none");
  if (d.sheet.status !== "submitted") return t("assess.view.notSubmitted");
  return t(`assess.view.${d.panelView}`);
}
