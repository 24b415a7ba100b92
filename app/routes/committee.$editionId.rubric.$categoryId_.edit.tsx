import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { categoryHasScores, saveRubricVersion } from "../../db/queries/rubric-versions";
import { formatNumber } from "~/i18n/format";
import { editionStages } from "../../db/queries/editions";
import { COMPANY_FIGURES, deriveIndicators, GOVERNMENT_FIGURES } from "../../scoring/figures";
import { categoryGroup } from "~/domain/categories";
import { priorAllowed } from "~/domain/rubric";
import { requireCategoryCommittee } from "~/lib/committee.server";
import {
  criterionHeadingName,
  modelFromDefinition,
  modelFromForm,
  type BandRow,
  type RubricFormModel,
} from "~/lib/rubric-form-model";
import { validateRubricForm } from "~/lib/rubric-form-errors";
import { fieldId, type FieldErrors } from "~/lib/forms";
import { ADVANCE_RULES, CRITERION_TYPES, GATE_OPERATORS } from "~/lib/rubric-form-fields";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageIdName } from "~/i18n/labels";
import { isMessageKey, type MessageKey } from "~/i18n";
import { readForm } from "~/lib/request-body.server";

// The committee's rubric form editor: stages, criteria (with bands), gates and, in a national
// edition, the use of the provincial total; a valid save stores a new rubric version (method
// carried over). Works without JavaScript (one plain POST form).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const rubric = await currentRubric(db, category.id);
  const [definition, frozen, stages] = await Promise.all([
    rubric ? loadRubricDefinition(db, rubric.id) : null,
    categoryHasScores(db, category.id),
    editionStages(db, edition.id),
  ]);
  const figures = Object.fromEntries([...GOVERNMENT_FIGURES, ...COMPANY_FIGURES].map((k) => [k, 1]));
  return {
    edition: { id: edition.id },
    category: { id: category.id, key: category.key },
    version: rubric?.version ?? 0,
    frozen,
    priorAllowed: priorAllowed(edition.level),
    indicators: Object.keys(deriveIndicators(categoryGroup(category.key), figures, 1)),
    model: modelFromDefinition(
      definition,
      stages.map((s) => s.key),
      rubric?.version ?? 0,
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, category, viewer } = await requireCategoryCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const posted = modelFromForm(form);
  // Outside a national edition the provincial-total option is not offered: nothing posted counts.
  const model = priorAllowed(edition.level) ? posted : { ...posted, prior: { minScore: "", tieBreak: false } };
  const fail = (errors: FieldErrors, status = 400, staleVersion: number | null = null) =>
    data({ errors, model, staleVersion }, status);
  if (form.get("intent") !== "save") return fail({ _form: "committee.action.unknown" });

  const current = await currentRubric(db, category.id);
  const basedOn = Number(model.basedOn);
  if (!Number.isInteger(basedOn)) return fail({ _form: "rubricForm.stale" }, 409, current?.version ?? 0);
  const errors: FieldErrors = {};
  const reason = model.reason.trim();
  if (reason.length > 1000) errors.reason = "form.invalid";
  const checked = validateRubricForm(model, current ? (JSON.parse(current.method) as unknown) : undefined);
  if (!checked.ok) Object.assign(errors, checked.errors);
  if (Object.keys(errors).length > 0 || !checked.ok) return fail(errors);

  // The stale version, the reason of a frozen rubric and the scores above a lowered max are checked
  // by the save itself, in its transaction.
  const saved = await saveRubricVersion(db, {
    editionId: edition.id,
    categoryId: category.id,
    basedOn,
    definition: checked.definition,
    reason: reason || null,
    userId: viewer.user.id,
    source: "edit",
  });
  if (!saved.ok) {
    // Refused as stale, the form now carries the current version so that a second save is deliberate.
    if (saved.refusal === "stale") return fail({ _form: "rubricForm.stale" }, 409, saved.currentVersion);
    if (saved.refusal === "reason_required") return fail({ reason: "committee.rubric.reasonRequired" });
    return fail({
      _form: saved.above
        .map((x) =>
          t("committee.rubric.maxBelowScores", { criterion: x.criterion, value: formatNumber(x.highest, 0, 4) }),
        )
        .join(" "),
    });
  }
  return redirect(`/committee/${edition.id}/rubric/${category.id}`, {
    headers: await flash(request, t("rubricForm.saved", { version: saved.version })),
  });
}

export default function RubricEditPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: FieldErrors = a?.errors ?? {};
  const model: RubricFormModel = a?.model ?? d.model;
  const basedOn = a?.staleVersion ?? d.version;
  const msg = (e: string, params?: Record<string, string | number>) => (isMessageKey(e) ? t(e, params) : e);
  const err = (name: string) => (errors[name] ? msg(errors[name]) : undefined);
  const stageName = (id: string) => stageIdName(t, id);
  const criterionName = (prefix: string) => {
    if (prefix === "added") return t("rubricForm.added");
    const c = model.criteria[Number(prefix.split(".")[1])];
    return c ? `${criterionHeadingName(c, locale)} (${c.key})` : prefix;
  };

  // The summary: every error with the field it concerns, linked to that field.
  const labelOf = (name: string): string => {
    const parts = name.split(".");
    const last = parts[parts.length - 1]!;
    const fieldLabel: Record<string, MessageKey> = {
      weight: "rubricForm.weight",
      advanceValue: "rubricForm.advanceValue",
      use: "rubricForm.stageUse",
      key: "rubricForm.key",
      stage: "rubricForm.stage",
      type: "rubricForm.type",
      nameId: "rubricForm.nameId",
      nameEn: "rubricForm.nameEn",
      max: "rubricForm.max",
      step: "rubricForm.step",
      indicator: "rubricForm.indicator",
      bands: "rubricForm.bands",
      min: "rubricForm.bandMin",
      points: "rubricForm.bandPoints",
      op: "rubricForm.op",
      value: "rubricForm.value",
      minScore: "rubricForm.priorMin",
      tieBreak: "rubricForm.priorTieBreak",
      reason: "committee.reason",
    };
    const what = fieldLabel[last] ? t(fieldLabel[last]) : last;
    if (parts[0] === "stages")
      return `${t("rubricForm.stage")} ${stageName(model.stages[Number(parts[1])]?.id ?? "")}: ${what}`;
    if (parts[0] === "criteria" || parts[0] === "added") {
      const prefix = parts[0] === "added" ? "added" : `${parts[0]}.${parts[1]}`;
      const row =
        parts.includes("bands") && parts.length > 3 ? ` ${Number(parts[parts.indexOf("bands") + 1]) + 1}` : "";
      return `${criterionName(prefix)}: ${what}${row}`;
    }
    if (parts[0] === "gates") return `${t("rubricForm.gateLegend", { n: Number(parts[1]) + 1 })}: ${what}`;
    if (parts[0] === "newGate") return `${t("rubricForm.newGate")}: ${what}`;
    if (parts[0] === "prior") return `${t("rubricForm.prior")}: ${what}`;
    return what;
  };
  // In the order of the page: stages, criteria, the new criterion, gates, the new gate, the reason.
  const order = ["stages", "criteria", "added", "gates", "newGate", "prior", "reason"];
  const rank = (k: string) => [
    order.indexOf(k.split(".")[0]!),
    ...k
      .split(".")
      .slice(1)
      .map((x) => (/^\d+$/.test(x) ? Number(x) : 0)),
  ];
  const byPage = (x: string, y: string) => {
    const [a, b] = [rank(x), rank(y)];
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
    return 0;
  };
  const fieldErrors = Object.keys(errors)
    .filter((k) => !k.startsWith("_"))
    .sort(byPage);
  const general = Object.keys(errors)
    .filter((k) => k.startsWith("_rubric"))
    .map((k) => msg(errors[k]!));

  return (
    <section className="rubric-editor">
      <p>
        <Link to={`/committee/${d.edition.id}/rubric/${d.category.id}`}>{t("rubricForm.back")}</Link>
      </p>
      <h1>{t("rubricForm.title", { category: categoryName(t, d.category.key) })}</h1>
      <p>{basedOn ? t("rubricForm.intro", { version: basedOn }) : t("rubricForm.introNone")}</p>
      {d.frozen ? (
        <p className="alert alert--warn" role="note">
          {t("committee.rubric.frozen")}
        </p>
      ) : null}
      {a && Object.keys(errors).length > 0 ? (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
          {errors._form ? <p>{msg(errors._form, { version: basedOn })}</p> : null}
          {fieldErrors.length + general.length > 0 ? (
            <>
              <p>{t("rubricForm.summary", { count: fieldErrors.length + general.length })}</p>
              <ul>
                {general.map((g, i) => (
                  <li key={`g${i}`}>{g}</li>
                ))}
                {fieldErrors.map((k) => (
                  <li key={k}>
                    <a href={`#${fieldId(k)}`}>{labelOf(k)}</a>: {msg(errors[k]!)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <datalist id="rubric-indicators">
        {d.indicators.map((i) => (
          <option key={i} value={i} />
        ))}
      </datalist>
      <Form method="post" noValidate>
        <input type="hidden" name="basedOn" value={String(basedOn)} />

        <h2>{t("rubricForm.stages")}</h2>
        <p>{t("rubricForm.stagesIntro")}</p>
        {model.stages.map((s, i) => {
          const p = `stages.${i}`;
          return (
            <fieldset key={p} className="rubric-editor__block">
              <legend>{stageName(s.id)}</legend>
              <input type="hidden" name={`${p}.id`} value={s.id} />
              <Check name={`${p}.use`} label={t("rubricForm.stageUse")} checked={s.use} error={err(`${p}.use`)} />
              <div className="rubric-editor__row">
                <Text name={`${p}.weight`} label={t("rubricForm.weight")} value={s.weight} error={err(`${p}.weight`)} />
                <Select
                  name={`${p}.advance`}
                  label={t("rubricForm.advance")}
                  value={s.advance}
                  error={err(`${p}.advance`)}
                  options={ADVANCE_RULES.map((r) => [r, t(`rubricForm.advance.${r}`)])}
                />
                <Text
                  name={`${p}.advanceValue`}
                  label={t("rubricForm.advanceValue")}
                  value={s.advanceValue}
                  error={err(`${p}.advanceValue`)}
                />
              </div>
            </fieldset>
          );
        })}

        <h2>{t("rubricForm.criteria")}</h2>
        {model.criteria.map((c, i) => {
          const p = `criteria.${i}`;
          return (
            <fieldset key={p} className="rubric-editor__block">
              <legend>
                {t("rubricForm.criterionLegend", {
                  name: criterionHeadingName(c, locale),
                  key: c.key,
                  stage: stageName(c.stage),
                  type: t(`rubricForm.type.${c.type}`),
                })}
              </legend>
              <input type="hidden" name={`${p}.key`} value={c.key} />
              <input type="hidden" name={`${p}.stage`} value={c.stage} />
              <input type="hidden" name={`${p}.type`} value={c.type} />
              <input type="hidden" name={`${p}.descId`} value={c.descId} />
              <input type="hidden" name={`${p}.descEn`} value={c.descEn} />
              {err(`${p}.key`) || err(`${p}.stage`) ? (
                <p className="error">{err(`${p}.key`) ?? err(`${p}.stage`)}</p>
              ) : null}
              <div className="rubric-editor__row">
                <Text
                  name={`${p}.nameId`}
                  label={t("rubricForm.nameId")}
                  value={c.nameId}
                  error={err(`${p}.nameId`)}
                  wide
                />
                <Text
                  name={`${p}.nameEn`}
                  label={t("rubricForm.nameEn")}
                  value={c.nameEn}
                  error={err(`${p}.nameEn`)}
                  wide
                />
              </div>
              <div className="rubric-editor__row">
                <Text name={`${p}.weight`} label={t("rubricForm.weight")} value={c.weight} error={err(`${p}.weight`)} />
                {c.type === "judged" ? (
                  <>
                    <Text name={`${p}.max`} label={t("rubricForm.max")} value={c.max} error={err(`${p}.max`)} />
                    <Text name={`${p}.step`} label={t("rubricForm.step")} value={c.step} error={err(`${p}.step`)} />
                  </>
                ) : (
                  <Text
                    name={`${p}.indicator`}
                    label={t("rubricForm.indicator")}
                    value={c.indicator}
                    error={err(`${p}.indicator`)}
                    list="rubric-indicators"
                  />
                )}
              </div>
              {c.type === "indicator" ? <Bands prefix={p} rows={c.bands} err={err} /> : null}
              <Check name={`${p}.evidence`} label={t("rubricForm.evidence")} checked={c.evidence} />
              <Check name={`${p}.remove`} label={t("rubricForm.remove")} checked={c.remove} />
            </fieldset>
          );
        })}
        {(() => {
          const n = model.added;
          return (
            <fieldset className="rubric-editor__block rubric-editor__new">
              <legend>{t("rubricForm.added")}</legend>
              <p className="hint">{t("rubricForm.addedHint")}</p>
              <div className="rubric-editor__row">
                <Text
                  name="added.key"
                  label={t("rubricForm.key")}
                  value={n.key}
                  error={err("added.key")}
                  hint={t("rubricForm.keyHint")}
                />
                <Select
                  name="added.stage"
                  label={t("rubricForm.stage")}
                  value={n.stage}
                  error={err("added.stage")}
                  options={model.stages.map((s) => [s.id, stageName(s.id)])}
                />
                <Select
                  name="added.type"
                  label={t("rubricForm.type")}
                  value={n.type}
                  error={err("added.type")}
                  options={CRITERION_TYPES.map((ty) => [ty, t(`rubricForm.type.${ty}`)])}
                />
              </div>
              <div className="rubric-editor__row">
                <Text
                  name="added.nameId"
                  label={t("rubricForm.nameId")}
                  value={n.nameId}
                  error={err("added.nameId")}
                  wide
                />
                <Text
                  name="added.nameEn"
                  label={t("rubricForm.nameEn")}
                  value={n.nameEn}
                  error={err("added.nameEn")}
                  wide
                />
              </div>
              <div className="rubric-editor__row">
                <Text name="added.weight" label={t("rubricForm.weight")} value={n.weight} error={err("added.weight")} />
                <Text
                  name="added.max"
                  label={t("rubricForm.max")}
                  value={n.max}
                  error={err("added.max")}
                  hint={t("rubricForm.maxHint")}
                />
                <Text
                  name="added.step"
                  label={t("rubricForm.step")}
                  value={n.step}
                  error={err("added.step")}
                  hint={t("rubricForm.maxHint")}
                />
                <Text
                  name="added.indicator"
                  label={t("rubricForm.indicator")}
                  value={n.indicator}
                  error={err("added.indicator")}
                  list="rubric-indicators"
                  hint={t("rubricForm.indicatorHint", { examples: d.indicators.slice(0, 2).join(", ") })}
                />
              </div>
              <Bands prefix="added" rows={n.bands} err={err} />
              <Check name="added.evidence" label={t("rubricForm.evidence")} checked={n.evidence} />
            </fieldset>
          );
        })()}

        <h2>{t("rubricForm.gates")}</h2>
        <p>{t("rubricForm.gatesIntro")}</p>
        {model.gates.map((g, i) => {
          const p = `gates.${i}`;
          return (
            <fieldset key={p} className="rubric-editor__block">
              <legend>{t("rubricForm.gateLegend", { n: i + 1 })}</legend>
              <input type="hidden" name={`${p}.id`} value={g.id} />
              <GateFields prefix={p} indicator={g.indicator} op={g.op} value={g.value} err={err} />
              <Check name={`${p}.remove`} label={t("rubricForm.removeGate")} checked={g.remove} />
            </fieldset>
          );
        })}
        <fieldset className="rubric-editor__block rubric-editor__new">
          <legend>{t("rubricForm.newGate")}</legend>
          <p className="hint">{t("rubricForm.newGateHint")}</p>
          <GateFields
            prefix="newGate"
            indicator={model.newGate.indicator}
            op={model.newGate.op}
            value={model.newGate.value}
            err={err}
          />
        </fieldset>

        {d.priorAllowed ? (
          <>
            <h2>{t("rubricForm.prior")}</h2>
            <fieldset className="rubric-editor__block">
              <legend>{t("rubricForm.prior")}</legend>
              <p className="hint">{t("rubricForm.priorIntro")}</p>
              <Text
                name="prior.minScore"
                label={t("rubricForm.priorMin")}
                value={model.prior.minScore}
                error={err("prior.minScore")}
                hint={t("rubricForm.priorMinHint")}
              />
              <Check
                name="prior.tieBreak"
                label={t("rubricForm.priorTieBreak")}
                checked={model.prior.tieBreak}
                error={err("prior.tieBreak")}
              />
            </fieldset>
          </>
        ) : null}

        <Text
          name="reason"
          label={`${t("committee.reason")}${d.frozen ? "" : ` (${t("committee.optional")})`}`}
          value={model.reason}
          error={err("reason")}
          wide
        />
        <button type="submit" className="primary" name="intent" value="save">
          {t("rubricForm.save")}
        </button>
      </Form>
    </section>
  );
}

function Text({
  name,
  label,
  value,
  error,
  hint,
  wide,
  list,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  list?: string;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}${wide ? " field--wide" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        defaultValue={value}
        list={list}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Select({
  name,
  label,
  value,
  error,
  options,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  options: [string, string][];
}) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Check({ name, label, checked, error }: { name: string; label: string; checked: boolean; error?: string }) {
  const id = fieldId(name);
  return (
    <div className={`field field--check${error ? " field--error" : ""}`}>
      <span>
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />{" "}
        <label htmlFor={id}>{label}</label>
      </span>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Bands({ prefix, rows, err }: { prefix: string; rows: BandRow[]; err: (name: string) => string | undefined }) {
  const t = useT();
  const tableError = err(`${prefix}.bands`);
  const id = fieldId(`${prefix}.bands`);
  const cell = (name: string, label: string, value: string): ReactNode => {
    const e = err(name);
    return (
      <td className={e ? "field--error" : undefined}>
        <input
          id={fieldId(name)}
          name={name}
          defaultValue={value}
          aria-label={label}
          autoComplete="off"
          aria-invalid={e ? true : undefined}
          aria-describedby={e ? `${fieldId(name)}-error` : undefined}
        />
        {e ? (
          <p className="error" id={`${fieldId(name)}-error`}>
            {e}
          </p>
        ) : null}
      </td>
    );
  };
  return (
    <div className={`field${tableError ? " field--error" : ""}`}>
      <table
        className="data rubric-editor__bands"
        id={id}
        aria-describedby={`${id}-hint${tableError ? ` ${id}-error` : ""}`}
      >
        <caption>{t("rubricForm.bands")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rubricForm.bandMin")}</th>
            <th scope="col">{t("rubricForm.bandPoints")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b, j) => (
            <tr key={j}>
              {cell(`${prefix}.bands.${j}.min`, t("rubricForm.bandMinRow", { n: j + 1 }), b.min)}
              {cell(`${prefix}.bands.${j}.points`, t("rubricForm.bandPointsRow", { n: j + 1 }), b.points)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" id={`${id}-hint`}>
        {t("rubricForm.bandsHint")}
      </p>
      {tableError ? (
        <p className="error" id={`${id}-error`}>
          {tableError}
        </p>
      ) : null}
    </div>
  );
}

function GateFields({
  prefix,
  indicator,
  op,
  value,
  err,
}: {
  prefix: string;
  indicator: string;
  op: string;
  value: string;
  err: (name: string) => string | undefined;
}) {
  const t = useT();
  return (
    <div className="rubric-editor__row">
      <Text
        name={`${prefix}.indicator`}
        label={t("rubricForm.indicator")}
        value={indicator}
        error={err(`${prefix}.indicator`)}
        list="rubric-indicators"
      />
      <Select
        name={`${prefix}.op`}
        label={t("rubricForm.op")}
        value={op}
        error={err(`${prefix}.op`)}
        options={GATE_OPERATORS.map((o) => [o, o])}
      />
      <Text name={`${prefix}.value`} label={t("rubricForm.value")} value={value} error={err(`${prefix}.value`)} />
    </div>
  );
}
