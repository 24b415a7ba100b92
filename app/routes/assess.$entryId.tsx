import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useBlocker, useFetcher, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { assessmentEntry } from "../../db/queries/assignments";
import { declareConflict, type ConflictKind } from "../../db/queries/conflicts";
import { otherScoresheets } from "../../db/queries/panel-view";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import {
  loadScores, needsNote, onScale, saveScoresheet, scoresheetCriteria, stageAccepts, type ScoresheetCriterion,
} from "../../db/queries/scores";
import { COMPANY_FIGURES, GOVERNMENT_FIGURES } from "../../scoring/figures";
import { bandOf } from "../../scoring/indicators";
import { FormErrorSummary } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";
import type { MessageKey, T } from "~/i18n";
import { formatDate, formatFileSize, formatNumber, formatRupiah } from "~/i18n/format";
import { messages } from "~/i18n/messages";
import { requireAssessorEntry } from "~/lib/assess.server";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { formatIndicator, gatePasses, gateText, indicatorLabel } from "~/lib/indicators";
import { isPreviewable } from "~/lib/evidence-types";
import { figureKind } from "~/lib/portal-figures";
import { notFound } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { readForm } from "~/lib/request-body.server";

// One entry in the assessor's workspace: first the conflict-of-interest declaration; after a
// declaration of no conflict, the organisation's figures, the derived indicators with their bands,
// the evidence per criterion (PDF and images shown in the page) and the scoring form beside them.
//
// Blind until submitted: while a stage is open the page only ever loads the viewer's own scores.
// After the stage closes, and once the viewer's own scoresheet is submitted, the others' submitted
// scores (and notes) are shown unnamed if the committee allowed it for that stage (otherScoresheets).

// The kinds of conflict, in the order offered (the same list as db/queries/conflicts.ts, kept here
// so that no database module reaches the browser bundle).
const CONFLICT_KINDS = ["employed_by", "related_to", "business_link", "other"] as const satisfies readonly ConflictKind[];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, entryId, declared, assignment, viewer } = await requireAssessorEntry(request, params.entryId);
  const info = await assessmentEntry(db, entryId);
  if (!info) notFound();
  const header = {
    entryId,
    organisationName: info.entry.organisationName,
    region: info.entry.region,
    category: info.entry.category,
    editionName: info.entry.editionName,
    stage: assignment.stage,
    stageStatus: assignment.stageStatus,
    deadline: assignment.deadline,
  };
  if (!declared) return { phase: "declare" as const, header };

  const rubric = await currentRubric(db, info.entry.categoryId);
  const definition = rubric ? await loadRubricDefinition(db, rubric.id) : { criteria: [], gates: [], stages: [] };
  const [criteria, scores, others] = await Promise.all([
    scoresheetCriteria(db, assignment.id),
    loadScores(db, assignment.id),
    otherScoresheets(db, { entryId, stage: assignment.stage, userId: viewer.user.id }),
  ]);

  const indicatorValues = new Map(info.indicators.map((i) => [i.indicator, i.value]));
  const indicators = definition.criteria
    .filter((c) => c.type === "indicator")
    .map((c) => {
      const value = indicatorValues.get(c.indicator ?? "") ?? null;
      const bands = [...(c.bands ?? [])].sort((a, b) => b.min - a.min);
      const band = value === null ? undefined : bandOf(bands, value);
      return { key: c.id, stage: c.stage, name: c.name ?? { id: c.id, en: c.id }, indicator: c.indicator ?? "", value, bands, bandMin: band?.min ?? null, points: value === null ? null : (band?.points ?? 0) };
    });
  const gates = definition.gates.map((g) => {
    const actual = indicatorValues.get(g.indicator) ?? null;
    return { ...g, actual, pass: gatePasses(g, actual) === true };
  });
  const used = new Set([...indicators.map((i) => i.indicator), ...gates.map((g) => g.indicator)]);
  const otherIndicators = info.indicators.filter((i) => !used.has(i.indicator));

  const order: readonly string[] = [...GOVERNMENT_FIGURES, ...COMPANY_FIGURES];
  const figures = [...info.figures].sort((a, b) => rank(order, a.key) - rank(order, b.key) || a.key.localeCompare(b.key));

  const criterionNames = Object.fromEntries(definition.criteria.map((c) => [c.id, c.name ?? { id: c.id, en: c.id }]));
  const fileParam = new URL(request.url).searchParams.get("file");
  const judgedKeys = new Set(criteria.map((c) => c.key));
  const selected =
    info.evidence.find((f) => String(f.id) === fileParam) ??
    info.evidence.find((f) => judgedKeys.has(f.criterionKey) && isPreviewable(f.mime)) ??
    info.evidence.find((f) => isPreviewable(f.mime)) ??
    null;

  return {
    phase: "score" as const,
    header,
    figures,
    regulations: info.regulations,
    indicators,
    gates,
    otherIndicators,
    evidence: info.evidence,
    criterionNames,
    selectedFileId: selected?.id ?? null,
    criteria,
    scores: scores.map((s) => ({ criterionId: s.criterionId, value: s.value, note: s.note })),
    others,
    sheet: { status: assignment.status, version: assignment.version, submittedAt: assignment.submittedAt },
    accepts: stageAccepts(assignment),
  };
}

function rank(order: readonly string[], key: string) {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}


// ---------------------------------------------------------------------------------------------
// Forms

const declareSchema = z
  .object({
    conflict: z.enum(["no", "yes"], { error: "assess.conflict.choose" }),
    kind: z.enum(CONFLICT_KINDS, { error: "assess.conflict.kindRequired" }).optional(),
    note: z.string().trim().max(2000, { error: "assess.conflict.noteLong" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.conflict !== "yes") return;
    if (!v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: "assess.conflict.kindRequired" });
    if (!v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "assess.conflict.noteRequired" });
  });

const scoreName = (c: { id: number }) => `score_${c.id}`;
const noteName = (c: { id: number }) => `note_${c.id}`;
const parseScore = (raw: string) => Number(raw.trim().replace(",", "."));

/** The scoring form: one score and note per judged criterion; on submit, all scored. */
function scoresheetSchema(criteria: ScoresheetCriterion[]) {
  return z
    .object({
      intent: z.enum(["save", "submit", "overwrite"]),
      version: z.coerce.number().int().min(0),
      seenVersion: z.coerce.number().int().min(0).optional(),
      auto: z.string().optional(),
    })
    .catchall(z.string())
    .superRefine((v, ctx) => {
      const submit = v.intent === "submit";
      for (const c of criteria) {
        const raw = String(v[scoreName(c)] ?? "").trim();
        const note = String(v[noteName(c)] ?? "").trim();
        if (note.length > 2000) ctx.addIssue({ code: "custom", path: [noteName(c)], message: "assess.error.noteLong" });
        if (raw === "") {
          if (submit) ctx.addIssue({ code: "custom", path: [scoreName(c)], message: "assess.error.required" });
          continue;
        }
        const n = parseScore(raw);
        if (!/^\d+([.,]\d+)?$/.test(raw) || !onScale(n, c)) {
          ctx.addIssue({ code: "custom", path: [scoreName(c)], message: "assess.error.scale" });
        } else if (submit && needsNote(n, c) && !note) {
          ctx.addIssue({ code: "custom", path: [noteName(c)], message: "assess.error.noteRequired" });
        }
      }
    })
    .transform((v) => ({
      intent: v.intent,
      auto: v.auto === "1",
      baseVersion: v.intent === "overwrite" && v.seenVersion !== undefined ? v.seenVersion : v.version,
      scores: criteria.map((c) => {
        const raw = String(v[scoreName(c)] ?? "").trim();
        const note = String(v[noteName(c)] ?? "").trim();
        return { criterionId: c.id, value: raw === "" ? null : parseScore(raw), note: note || null };
      }),
    }));
}

type SavedScore = { criterionId: number; value: number | null; note: string | null };
export type ActionResult =
  | { kind: "declare"; errors: FieldErrors; values: Record<string, string>; message?: string }
  | { kind: "saved"; auto: boolean; version: number; at: string }
  | {
      kind: "refused";
      reason: string;
      auto: boolean;
      message: string;
      errors: FieldErrors;
      values: Record<string, string>;
      basedOn: number | null;
      current?: { version: number; scores: SavedScore[] };
    };

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = await getT(request);
  let access: Awaited<ReturnType<typeof requireAssessorEntry>>;
  try {
    access = await requireAssessorEntry(request, params.entryId);
  } catch (refusal) {
    // A background autosave whose access ended meanwhile (signed out, entry reopened, membership
    // ended) answers with a message rather than replacing the page, so the typed input stays. It
    // says so in its URL: the body of a refused request is never read.
    if (refusal instanceof Response && new URL(request.url).searchParams.get("auto") === "1") {
      return data<ActionResult>({ kind: "refused", reason: "gone", auto: true, message: t("assess.error.gone"), errors: {}, values: {}, basedOn: null }, 409);
    }
    throw refusal;
  }
  const { viewer, db, entryId, declared, assignment } = access;
  const form = await readForm(request);

  if (form.get("intent") === "declare") {
    if (declared) {
      return data<ActionResult>({ kind: "declare", errors: {}, values: {}, message: t("assess.conflict.already") }, 409);
    }
    const parsed = parseForm(declareSchema, form, t);
    if (!parsed.ok) return data<ActionResult>({ kind: "declare", errors: parsed.errors, values: parsed.values, message: t("assess.form.errors") }, 400);
    const hasConflict = parsed.data.conflict === "yes";
    const res = await declareConflict(db, { userId: viewer.user.id, entryId, hasConflict, kind: parsed.data.kind ?? null, note: parsed.data.note ?? null });
    if (!res.ok) return data<ActionResult>({ kind: "declare", errors: {}, values: {}, message: t("assess.conflict.already") }, 409);
    if (hasConflict) return redirect("/assess", { headers: await flash(request, t("assess.conflict.recorded")) });
    return redirect(`/assess/${entryId}`, { headers: await flash(request, t("assess.conflict.noneRecorded")) });
  }

  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const auto = values.auto === "1";
  // A refused form keeps the version it was based on, so that its next save is still checked
  // against that version (and refused as stale if another tab saved meanwhile).
  const sentVersion = Number(values.version);
  const basedOn = Number.isSafeInteger(sentVersion) && sentVersion >= 0 ? sentVersion : null;
  if (!declared) {
    return data<ActionResult>({ kind: "refused", reason: "not_declared", auto, message: t("assess.error.notDeclared"), errors: {}, values, basedOn }, 403);
  }
  const criteria = await scoresheetCriteria(db, assignment.id);
  const parsed = parseForm(scoresheetSchema(criteria), form, t);
  if (!parsed.ok) {
    return data<ActionResult>({ kind: "refused", reason: "form", auto, message: t("assess.form.errors"), errors: parsed.errors, values: parsed.values, basedOn }, 400);
  }
  const { intent, baseVersion, scores } = parsed.data;
  const res = await saveScoresheet(db, { assignmentId: assignment.id, userId: viewer.user.id, baseVersion, scores, submit: intent === "submit" });
  if (res.ok) {
    if (res.status === "submitted") return redirect(`/assess/${entryId}`, { headers: await flash(request, t("assess.form.submittedFlash")) });
    return data<ActionResult>({ kind: "saved", auto, version: res.version, at: new Date().toISOString() });
  }
  const errors: FieldErrors = {};
  if (res.reason === "incomplete") for (const id of res.criterionIds ?? []) errors[`score_${id}`] = t("assess.error.required");
  if (res.reason === "note_required") for (const id of res.criterionIds ?? []) errors[`note_${id}`] = t("assess.error.noteRequired");
  if (res.reason === "invalid") for (const id of res.criterionIds ?? []) errors[`score_${id}`] = t("assess.error.scale");
  const message =
    res.reason === "stale" ? t("assess.form.stale")
    : res.reason === "incomplete" || res.reason === "note_required" ? t("assess.form.errors")
    : res.reason === "submitted" || res.reason === "stage_closed" || res.reason === "deadline" ? t(`assess.error.${res.reason}`)
    : t("assess.error.invalid");
  const current =
    res.reason === "stale"
      ? { version: res.version ?? 0, scores: (await loadScores(db, assignment.id)).map((s) => ({ criterionId: s.criterionId, value: s.value, note: s.note })) }
      : undefined;
  return data<ActionResult>(
    { kind: "refused", reason: res.reason, auto, message, errors, values, basedOn: baseVersion, ...(current ? { current } : {}) },
    res.reason === "incomplete" || res.reason === "note_required" || res.reason === "invalid" ? 400 : 409,
  );
}

// ---------------------------------------------------------------------------------------------
// Page

export default function AssessEntry() {
  const loaderData = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { header } = loaderData;
  return (
    <article className="assess-entry">
      <p><Link to="/assess">← {t("assess.entry.back")}</Link></p>
      <h1>{header.organisationName}</h1>
      <p className="muted">
        {t(`category.${header.category}` as MessageKey)} · {header.editionName}
        <br />
        {t("assess.entry.region", { region: header.region })}
      </p>
      <p>
        {t("assess.entry.stage", { stage: t(`stage.${header.stage}` as MessageKey) })} ·{" "}
        {t("assess.entry.deadline", { deadline: formatDate(header.deadline, locale, true) })}
      </p>
      {loaderData.phase === "declare" ? <DeclareConflict organisation={header.organisationName} /> : <Workspace data={loaderData} />}
    </article>
  );
}

function DeclareConflict({ organisation }: { organisation: string }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const r = result && result.kind === "declare" ? result : undefined;
  const errors = r?.errors ?? {};
  const [choice, setChoice] = useState(r?.values.conflict ?? "");
  const errorOf = (name: string) => (errors[name] ? <p className="error" id={`f-${name}-error`}>{errors[name]}</p> : null);
  return (
    <section aria-labelledby="conflict-title" className="assess-conflict">
      <h2 id="conflict-title">{t("assess.conflict.title")}</h2>
      <p>{t("assess.conflict.intro", { organisation })}</p>
      <p className="muted">{t("assess.conflict.final")}</p>
      <FormErrorSummary message={r?.message} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="declare" />
        <fieldset className={`field${errors.conflict ? " field--error" : ""}`} aria-describedby={errors.conflict ? "f-conflict-error" : undefined}>
          <legend>{t("assess.conflict.question")}</legend>
          {(["no", "yes"] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="conflict" value={v} defaultChecked={choice === v} onChange={() => setChoice(v)} />{" "}
              {t(v === "no" ? "assess.conflict.none" : "assess.conflict.has")}
            </label>
          ))}
          {errorOf("conflict")}
        </fieldset>
        <fieldset className={`field${errors.kind ? " field--error" : ""}`} aria-describedby={errors.kind ? "f-kind-error" : undefined}>
          <legend>{t("assess.conflict.kind")}</legend>
          {CONFLICT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} defaultChecked={r?.values.kind === k} />{" "}
              {t(`assess.conflict.kind.${k}`)}
            </label>
          ))}
          {errorOf("kind")}
        </fieldset>
        <div className={`field${errors.note ? " field--error" : ""}`}>
          <label htmlFor="f-note">{t("assess.conflict.note")}</label>
          <p className="hint" id="f-note-hint">{t("assess.conflict.noteHint")}</p>
          <textarea
            id="f-note" name="note" rows={3} defaultValue={r?.values.note ?? ""} maxLength={2000}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={["f-note-hint", errors.note ? "f-note-error" : ""].filter(Boolean).join(" ")}
          />
          {errorOf("note")}
        </div>
        <button type="submit" className="primary">{t("assess.conflict.submit")}</button>
      </Form>
    </section>
  );
}

type ScoreData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { phase: "score" }>;

function Workspace({ data: d }: { data: ScoreData }) {
  const t = useT();
  const locale = useLocale();
  const name = (n: { id: string; en: string } | undefined, fallback: string) => (n ? (locale === "en" ? n.en : n.id) : fallback);
  const selected = d.evidence.find((f) => f.id === d.selectedFileId) ?? null;
  const judgedKeys = new Set(d.criteria.map((c) => c.key));
  const otherKeys = [...new Set(d.evidence.map((f) => f.criterionKey))].filter((k) => !judgedKeys.has(k));
  const fileList = (files: ScoreData["evidence"]) => (
    <ul className="evidence-files">
      {files.map((f) => (
        <li key={f.id}>
          <span className="evidence-name">{f.name}</span> <span className="muted small">({formatFileSize(f.size)})</span>
          <span className="evidence-links">
            {isPreviewable(f.mime) ? (
              <>
                {f.id === d.selectedFileId ? (
                  <strong aria-current="true">{t("assess.evidence.showing")}</strong>
                ) : (
                  <Link to={{ search: `?file=${f.id}` }} preventScrollReset replace aria-label={t("assess.evidence.show", { name: f.name })}>
                    {t("assess.evidence.show", { name: "" }).trim()}
                  </Link>
                )}
                <a href={`/evidence/${f.id}`} target="_blank" rel="noopener noreferrer">{t("assess.evidence.openNew")}</a>
              </>
            ) : (
              <a href={`/evidence/${f.id}`} download>{t("assess.evidence.download", { name: f.name })}</a>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="assess-workspace">
      <div className="assess-reading">
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">{t("assess.evidence.title")}</h2>
          {d.evidence.length === 0 ? <p>{t("assess.evidence.none")}</p> : null}
          {d.criteria.map((c) => {
            const files = d.evidence.filter((f) => f.criterionKey === c.key);
            return (
              <section key={c.key} className="evidence-group">
                <h3>{locale === "en" ? c.nameEn : c.nameId}</h3>
                {files.length ? fileList(files) : <p className="muted">{t("assess.evidence.noneFor")}</p>}
              </section>
            );
          })}
          {otherKeys.map((k) => (
            <section key={k} className="evidence-group">
              <h3>{d.criterionNames[k] ? name(d.criterionNames[k], k) : t("assess.evidence.other")}</h3>
              {fileList(d.evidence.filter((f) => f.criterionKey === k))}
            </section>
          ))}
          {selected ? (
            <figure className="evidence-viewer">
              <figcaption>{t("assess.evidence.viewer", { name: selected.name })}</figcaption>
              {selected.mime === "application/pdf" ? (
                <iframe src={`/evidence/${selected.id}`} title={t("assess.evidence.viewer", { name: selected.name })} className="evidence-frame" />
              ) : (
                <img src={`/evidence/${selected.id}`} alt={selected.name} className="evidence-image" />
              )}
            </figure>
          ) : d.evidence.length ? (
            <p className="muted">{t("assess.evidence.noPreview")}</p>
          ) : null}
        </section>

        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t("assess.figures.title")}</h2>
          {d.figures.length === 0 ? (
            <p>{t("assess.figures.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("assess.figures.item")}</th>
                    <th scope="col" className="num">{t("assess.figures.value")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.figures.map((f) => (
                    <tr key={f.key}>
                      <th scope="row">{label(t, `assess.figure.${f.key}`, f.key)}</th>
                      <td className="num">
                        {figureKind(f.key) === "flag" ? t(f.value === 1 ? "assess.figures.yes" : "assess.figures.no")
                          : figureKind(f.key) === "rupiah" ? formatRupiah(f.value)
                          : formatNumber(f.value, 0, 2)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        {d.header.category === "province" || d.header.category === "regency_city" || d.regulations.length ? (
          <section aria-labelledby="regulations-title">
            <h2 id="regulations-title">{t("assess.regulations.title")}</h2>
            {d.regulations.length === 0 ? (
              <p>{t("assess.regulations.none")}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("assess.regulations.type")}</th>
                      <th scope="col">{t("assess.regulations.number")}</th>
                      <th scope="col" className="num">{t("assess.regulations.year")}</th>
                      <th scope="col">{t("assess.regulations.name")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.regulations.map((r) => (
                      <tr key={r.id}>
                        <td>{label(t, `portal.regulation.${r.type}`, r.type)}</td>
                        <td>{r.number}</td>
                        <td className="num">{r.year}</td>
                        <td>{r.title ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ) : null}

        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t("assess.indicators.title")}</h2>
          <p className="muted">{t("assess.indicators.intro")}</p>
          {d.indicators.length === 0 && d.otherIndicators.length === 0 ? <p>{t("assess.indicators.none")}</p> : null}
          {d.indicators.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("assess.indicators.criterion")}</th>
                    <th scope="col" className="num">{t("assess.indicators.value")}</th>
                    <th scope="col">{t("assess.indicators.bands")}</th>
                    <th scope="col" className="num">{t("assess.indicators.points")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.indicators.map((i) => (
                    <tr key={i.key}>
                      <th scope="row">{name(i.name, i.key)}</th>
                      <td className="num">{i.value === null ? t("assess.indicators.missing") : formatIndicator(i.indicator, i.value)}</td>
                      <td>
                        <ul className="bands">
                          {i.bands.map((b) => (
                            <li key={b.min} className={b.min === i.bandMin ? "band--current" : undefined}>
                              {t("assess.indicators.band", { min: formatIndicator(i.indicator, b.min), points: formatNumber(b.points) })}
                              {b.min === i.bandMin ? <> <strong>{t("assess.indicators.current")}</strong></> : null}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="num">{i.points === null ? "–" : formatNumber(i.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {d.otherIndicators.length ? (
            <ul>
              {d.otherIndicators.map((i) => (
                <li key={i.indicator}>
                  {indicatorLabel(t, i.indicator)}: {formatIndicator(i.indicator, i.value)}
                </li>
              ))}
            </ul>
          ) : null}
          {d.gates.length ? (
            <>
              <h3>{t("assess.gates.title")}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("assess.gates.rule")}</th>
                      <th scope="col" className="num">{t("assess.indicators.value")}</th>
                      <th scope="col">{t("assess.gates.result")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.gates.map((g) => (
                      <tr key={g.id}>
                        <th scope="row">{gateText(t, g)}</th>
                        <td className="num">{g.actual === null ? t("assess.indicators.missing") : formatIndicator(g.indicator, g.actual)}</td>
                        <td>
                          <StatusBadge tone={g.pass ? "good" : "bad"}>{t(g.pass ? "assess.gates.pass" : "assess.gates.fail")}</StatusBadge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
      </div>
      <Scoresheet data={d} />
    </div>
  );
}

function label(t: T, key: string, fallback: string) {
  return key in messages ? t(key as MessageKey) : fallback;
}

const AUTOSAVE_MS = 1500;

/** The other panel members' scores of one criterion (unnamed), shown after the stage closed. */
function OtherScores({ scores, criterionKey }: { scores: { sheet: number; value: number | null; note: string | null }[]; criterionKey: string }) {
  const t = useT();
  return (
    <div className="other-scores" data-testid={`others-${criterionKey}`}>
      <p className="small"><strong>{t("assess.others.title")}</strong></p>
      {scores.length === 0 ? <p className="muted small">{t("assess.others.none")}</p> : (
        <ul className="small">
          {scores.map((o) => (
            <li key={o.sheet}>
              {t("assess.others.sheet", { n: o.sheet, value: o.value === null ? "–" : formatNumber(o.value, 0, 4) })}
              {o.note ? <> — <q>{o.note}</q></> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Scoresheet({ data: d }: { data: ScoreData }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>({ key: `scoresheet-${d.header.entryId}` });
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);

  const initial = actionData && actionData.kind !== "declare" ? actionData : undefined;
  // The version this page's input is based on. It only moves on when this page saves; a save
  // from another tab does not move it, so this page's next save is refused as stale.
  const [base, setBase] = useState<number>(() =>
    initial?.kind === "saved" ? initial.version : initial?.kind === "refused" && initial.basedOn !== null ? initial.basedOn : d.sheet.version,
  );
  const [result, setResult] = useState(initial);
  const [stale, setStale] = useState(initial?.kind === "refused" && initial.current ? initial.current : null);
  // Input that a refused save sent back is not saved: it counts as unsaved from the start.
  const [dirty, setDirty] = useState(initial?.kind === "refused");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const baseRef = useRef(base);
  baseRef.current = base;
  const edits = useRef(0);
  const pendingEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const location = useLocation();

  const readOnly = d.sheet.status === "submitted" || d.accepts !== "ok";
  // Nothing can be lost on a read-only sheet (e.g. right after submitting).
  const unsaved = dirty && !readOnly;
  const busy = fetcher.state !== "idle" || navigation.state === "submitting";

  const [resultSeq, setResultSeq] = useState(0);
  const handle = useCallback((r: ActionResult | undefined) => {
    if (!r || r.kind === "declare") return;
    setResult(r);
    setResultSeq((n) => n + 1);
    if (r.kind === "saved") {
      setBase(r.version);
      setStale(null);
      if (edits.current === pendingEdits.current) setDirty(false);
    } else if (r.reason === "stale" && r.current) {
      setStale(r.current);
    }
  }, []);
  useEffect(() => handle(actionData), [actionData, handle]);
  useEffect(() => {
    if (fetcher.state === "idle") handle(fetcher.data);
  }, [fetcher.state, fetcher.data, handle]);

  // Drafts save as you go (debounced); paused while a stale refusal waits for the user.
  const autosave = useCallback(() => {
    const form = formRef.current;
    if (!form || readOnly) return;
    if (fetcher.state !== "idle" || navigation.state !== "idle") {
      timer.current = setTimeout(autosave, AUTOSAVE_MS);
      return;
    }
    const fd = new FormData(form);
    fd.set("intent", "save");
    fd.set("version", String(baseRef.current));
    fd.set("auto", "1");
    pendingEdits.current = edits.current;
    // ?auto=1 lets the server answer a refused autosave without reading its body.
    const query = new URLSearchParams(location.search);
    query.set("auto", "1");
    fetcher.submit(fd, { method: "post", action: `${location.pathname}?${query}` });
  }, [fetcher, navigation.state, readOnly, location]);

  const onEdit = () => {
    edits.current++;
    setDirty(true);
    clearTimeout(timer.current);
    if (!stale) timer.current = setTimeout(autosave, AUTOSAVE_MS);
  };
  const onSubmit = (_e: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    pendingEdits.current = edits.current;
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  // Warn before leaving with unsaved changes: the browser's own prompt on unload, and a dialog
  // for in-app navigation (Remix useBlocker). Posting this form or switching files is not leaving.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);

  const errors = result?.kind === "refused" ? result.errors : {};
  const values = initial?.kind === "refused" ? initial.values : undefined;
  const saved = new Map(d.scores.map((s) => [s.criterionId, s]));
  const staleScores = new Map((stale?.scores ?? []).map((s) => [s.criterionId, s]));
  const deadline = formatDate(d.header.deadline, locale, true);

  let status: string | null = null;
  if (fetcher.state !== "idle") status = t("assess.form.saving");
  else if (unsaved) status = t("assess.form.unsaved");
  else if (result?.kind === "saved") {
    status = result.auto
      ? t("assess.form.autosaved", { time: new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Jakarta" }).format(new Date(result.at)) })
      : t("assess.form.saved");
  }

  return (
    <aside className="assess-scoring" aria-labelledby="score-title">
      <h2 id="score-title">{t("assess.form.title")}</h2>
      <p className="muted small">{t("assess.form.blind")}</p>
      {d.sheet.status === "submitted" ? (
        <p className="alert alert--info">{t("assess.form.submittedOn", { date: formatDate(d.sheet.submittedAt, locale, true) })}</p>
      ) : d.accepts === "stage_closed" ? (
        <p className="alert alert--warn">{t("assess.form.stageNotOpen", { stage: t(`stage.${d.header.stage}` as MessageKey) })}</p>
      ) : d.accepts === "deadline" ? (
        <p className="alert alert--warn">{t("assess.form.deadlinePassed", { deadline })}</p>
      ) : null}
      {result?.kind === "refused" ? <RefusalAlert key={resultSeq} message={result.message} focus={!result.auto} /> : null}
      {d.criteria.length === 0 ? <p>{t("assess.form.none")}</p> : null}
      <Form method="post" ref={formRef} noValidate onChange={onEdit} onSubmit={onSubmit} className="scoresheet" data-hydrated={hydrated ? "" : undefined}>
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
                {c.evidenceRequired ? <span className="muted small"> · {t("assess.form.evidenceRequired")}</span> : null}
              </legend>
              {(locale === "en" ? c.descriptionEn : c.descriptionId) ? <p className="hint">{locale === "en" ? c.descriptionEn : c.descriptionId}</p> : null}
              <div className={`field${errors[sn] ? " field--error" : ""}`}>
                <label htmlFor={`f-${sn}`}>
                  {c.step === 1 ? t("assess.form.score", { max: formatNumber(c.max) }) : t("assess.form.scoreStep", { max: formatNumber(c.max), step: formatNumber(c.step, 0, 4) })}
                </label>
                <input
                  id={`f-${sn}`} name={sn} type="number" inputMode="decimal" min={0} max={c.max} step={c.step}
                  defaultValue={values?.[sn] ?? (s?.value ?? "")} disabled={readOnly}
                  aria-invalid={errors[sn] ? true : undefined} aria-describedby={errors[sn] ? `f-${sn}-error` : undefined}
                />
                {errors[sn] ? <p className="error" id={`f-${sn}-error`}>{errors[sn]}</p> : null}
              </div>
              <div className={`field${errors[nn] ? " field--error" : ""}`}>
                <label htmlFor={`f-${nn}`}>{t("assess.form.note")}</label>
                <p className="hint" id={`f-${nn}-hint`}>{t("assess.form.noteHint", { max: formatNumber(c.max) })}</p>
                <textarea
                  id={`f-${nn}`} name={nn} rows={3} maxLength={2000} defaultValue={values?.[nn] ?? (s?.note ?? "")} disabled={readOnly}
                  aria-invalid={errors[nn] ? true : undefined}
                  aria-describedby={[`f-${nn}-hint`, errors[nn] ? `f-${nn}-error` : ""].filter(Boolean).join(" ")}
                />
                {errors[nn] ? <p className="error" id={`f-${nn}-error`}>{errors[nn]}</p> : null}
              </div>
              {d.others ? <OtherScores scores={d.others.scores.filter((o) => o.criterionId === c.id)} criterionKey={c.key} /> : null}
              {stale ? (
                <p className="saved-elsewhere" data-testid={`saved-${c.key}`}>
                  {t("assess.form.savedValue", { value: other?.value == null ? "–" : formatNumber(other.value, 0, 4), note: other?.note || "–" })}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {!readOnly && d.criteria.length ? (
          <>
            <p className="hint">{t("assess.form.submitHint")}</p>
            <div className="form-actions">
              <button type="submit" name="intent" value="save" disabled={busy}>{t("assess.form.save")}</button>
              <button type="submit" name="intent" value="submit" className="primary" disabled={busy}>{t("assess.form.submit")}</button>
            </div>
            {stale ? (
              <div className="form-actions">
                <button type="submit" name="intent" value="overwrite" className="danger" disabled={busy}>{t("assess.form.overwrite")}</button>
              </div>
            ) : null}
          </>
        ) : null}
        <p role="status" className="save-status muted small">{status}</p>
      </Form>
      {blocker.state === "blocked" ? (
        <div className="leave-dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-q">
          <p id="leave-q">{t("assess.form.leaveQuestion")}</p>
          <div className="form-actions">
            <button type="button" ref={(el) => el?.focus()} onClick={() => blocker.reset?.()}>{t("assess.form.stay")}</button>
            <button type="button" className="danger" onClick={() => blocker.proceed?.()}>{t("assess.form.leave")}</button>
          </div>
        </div>
      ) : null}
    </aside>
  );
}

/**
 * A refused save, announced once. Focus moves to it once per refusal after an explicit save (not
 * after an autosave, and not again on later re-renders, so typing in a field is never interrupted).
 */
function RefusalAlert({ message, focus }: { message: string; focus: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </div>
  );
}
