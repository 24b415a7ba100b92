import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { categoryGroup } from "~/domain/categories";
import { entryFigures, evidenceCriteria, entryWindow, saveFigures } from "../../db/queries/figures";
import { entrySource } from "../../db/queries/entry-source";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { PortalEntryNav } from "~/components/PortalEntryNav";
import { formatNumber, formatRupiah } from "~/i18n/format";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { getT } from "~/lib/locale.server";
import { formatIndicator, gatePasses, gateText, indicatorLabel } from "~/lib/indicators";
import { figuresSchema } from "~/lib/figures-form.server";
import {
  bandFor,
  FIGURE_FIELDS,
  MAX_REGULATIONS,
  PROGRAMMES,
  REGULATION_ROWS_EXTRA,
  REGULATION_TYPES,
} from "~/lib/portal-figures";
import { requireOwnEntry } from "~/lib/portal.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { missedSubmission } from "~/domain/submission";
import { readForm } from "~/lib/request-body.server";

// The self-assessment figures. Indicators are derived from them on every save (never typed in)
// and shown with the rubric band each falls into. Impossible figures are refused next to the
// field with the rest of the input kept; a save based on an older version is refused.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [{ figures, regulations, indicators }, rubric, source] = await Promise.all([
    entryFigures(db, entry.id),
    evidenceCriteria(db, entry.category_id),
    entrySource(db, entry.id),
  ]);
  const group = categoryGroup(entry.category);
  const definition = rubric.definition;
  const submission = entryWindow(entry);
  return {
    entry: {
      id: entry.id,
      version: entry.version,
      status: entry.status,
      category: entry.category,
      organisation_name: entry.organisation_name,
      edition_name: entry.edition_name,
      year: entry.year,
    },
    group,
    editable: submission.open,
    // Why a draft can no longer be changed (the window closed before it was submitted).
    missed: missedSubmission(entry.status, submission),
    // A nominated national entry: its figures are those submitted at the provincial level (copied).
    carriedFrom: source?.editionName ?? null,
    figures,
    regulations,
    indicators,
    indicatorCriteria: (definition?.criteria ?? [])
      .filter((c) => c.type === "indicator")
      .map((c) => ({ key: c.id, name: c.name ?? { id: c.id, en: c.id }, indicator: c.indicator, bands: c.bands })),
    gates: definition?.gates ?? [],
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string>; message: string; version?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const { entry, db, viewer } = await requireOwnEntry(request, params.entryId);
  const { t } = await getT(request);
  const group = categoryGroup(entry.category);
  const form = await readForm(request);
  const parsed = parseForm(figuresSchema(group), form, t);
  if (!parsed.ok)
    return data<ActionData>({ errors: parsed.errors, values: parsed.values, message: t("common.formErrors") }, 400);
  const result = await saveFigures(db, {
    entryId: entry.id,
    version: parsed.data.version,
    userId: viewer.user.id,
    figures: parsed.data.figures,
    regulations: parsed.data.regulations,
  });
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  if (!result.ok) {
    if (result.reason === "stale") {
      // Keep what was typed; the form now carries the newest version, so saving again (after
      // checking) replaces the newer figures knowingly.
      return data<ActionData>({ errors: {}, values, message: t("portal.figures.stale"), version: result.version }, 409);
    }
    return data<ActionData>({ errors: {}, values, message: t("portal.figures.locked") }, 409);
  }
  return redirect(`/portal/entries/${entry.id}/figures`, { headers: await flash(request, t("portal.figures.saved")) });
}

export default function Figures() {
  const t = useT();
  const locale = useLocale();
  const { entry, group, editable, missed, carriedFrom, figures, regulations, indicators, indicatorCriteria, gates } =
    useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const values = action?.values;
  // Saved figures are shown the Indonesian way (1.250); that is also how they may be typed.
  const value = (key: string) =>
    values ? (values[key] ?? "") : figures[key] !== undefined ? formatNumber(figures[key]) : "";
  const fields = FIGURE_FIELDS[group];
  const reg = (i: number, k: "type" | "number" | "year" | "title") => `regulations.${i}.${k}`;
  const regRows = values
    ? Array.from({ length: MAX_REGULATIONS }, (_, i) => i).filter(
        (i) => i < regulations.length + REGULATION_ROWS_EXTRA || values[reg(i, "type")],
      )
    : Array.from({ length: regulations.length + REGULATION_ROWS_EXTRA }, (_, i) => i);
  const regValue = (i: number, k: "type" | "number" | "year" | "title") =>
    values ? (values[reg(i, k)] ?? "") : regulations[i] ? String(regulations[i][k] ?? "") : "";

  return (
    <section className="portal">
      <h1>{t("portal.figures.title")}</h1>
      <p>
        {entry.organisation_name} · {entry.edition_name}
      </p>
      <PortalEntryNav entryId={entry.id} />
      <p>
        {t(group === "government" ? "portal.figures.introGovernment" : "portal.figures.introCompany", {
          year: entry.year,
        })}
      </p>
      {carriedFrom && !editable ? (
        <p className="alert alert--info" role="status">
          {t("portal.figures.carried", { edition: carriedFrom })}
        </p>
      ) : !editable ? (
        <p className="alert alert--warn" role="status">
          {t("portal.figures.readOnly")}
          {missed ? <> {t(`portal.closed.${missed}`)}</> : null}
        </p>
      ) : null}
      <FormErrorSummary message={action?.message} />

      <Form method="post" noValidate className="portal-figures">
        <input type="hidden" name="version" value={action?.version ?? entry.version} />
        <fieldset disabled={!editable}>
          <legend>
            {t(group === "government" ? "portal.figures.legendGovernment" : "portal.figures.legendCompany")}
          </legend>
          {fields
            .filter((f) => f.kind !== "flag")
            .map((f) => (
              <Field
                key={f.key}
                name={f.key}
                label={t(`portal.figure.${f.key}`)}
                hint={t(`portal.figure.${f.key}.hint`)}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={value(f.key)}
                error={action?.errors[f.key]}
              />
            ))}
          {group === "company" ? (
            <fieldset className="portal-programmes">
              <legend>{t("portal.figures.programmes")}</legend>
              <p className="hint">{t("portal.figures.programmesHint")}</p>
              {PROGRAMMES.map((p) => {
                const key = `programme_${p}`;
                const checked = values ? values[key] === "1" : figures[key] === 1;
                return (
                  <label key={p} className="checkbox">
                    <input type="checkbox" name={key} value="1" defaultChecked={checked} /> {t(`portal.programme.${p}`)}
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <fieldset className="portal-regulations">
              <legend>{t("portal.figures.regulations")}</legend>
              <p className="hint">{t("portal.figures.regulationsHint")}</p>
              {regRows.map((i) => (
                <div key={i} className="portal-regulation">
                  <SelectField
                    name={reg(i, "type")}
                    label={`${t("portal.figures.regType")} ${i + 1}`}
                    defaultValue={regValue(i, "type")}
                    error={action?.errors[reg(i, "type")]}
                    placeholder={t("portal.figures.regNone")}
                    options={REGULATION_TYPES.map((r) => [r, t(`portal.regulation.${r}`)])}
                  />
                  <Field
                    name={reg(i, "number")}
                    label={t("portal.figures.regNumber")}
                    defaultValue={regValue(i, "number")}
                    error={action?.errors[reg(i, "number")]}
                  />
                  <Field
                    name={reg(i, "year")}
                    label={t("portal.figures.regYear")}
                    inputMode="numeric"
                    defaultValue={regValue(i, "year")}
                    error={action?.errors[reg(i, "year")]}
                  />
                  <Field
                    name={reg(i, "title")}
                    label={t("portal.figures.regTitle")}
                    defaultValue={regValue(i, "title")}
                    error={action?.errors[reg(i, "title")]}
                  />
                </div>
              ))}
            </fieldset>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t("common.save")}
          </button>
        </fieldset>
      </Form>

      <h2>{t("portal.indicators.title")}</h2>
      <p className="hint">{t("portal.indicators.intro")}</p>
      <div className="table-wrap">
        <table className="portal-indicators">
          <thead>
            <tr>
              <th scope="col">{t("portal.indicators.criterion")}</th>
              <th scope="col" className="num">
                {t("portal.indicators.value")}
              </th>
              <th scope="col">{t("portal.indicators.band")}</th>
            </tr>
          </thead>
          <tbody>
            {indicatorCriteria.map((c) => {
              const v = indicators[c.indicator];
              const band = bandFor(c.bands, v);
              return (
                <tr key={c.key}>
                  <th scope="row">
                    {locale === "en" ? c.name.en : c.name.id}
                    <br />
                    <span className="muted">{indicatorLabel(t, c.indicator)}</span>
                  </th>
                  <td className="num">{formatIndicator(c.indicator, v)}</td>
                  <td>
                    {v === undefined
                      ? t("portal.indicators.missing")
                      : band
                        ? t("portal.indicators.bandText", {
                            min: formatIndicator(c.indicator, band.min),
                            points: formatNumber(band.points),
                          })
                        : t("portal.indicators.belowBands")}
                  </td>
                </tr>
              );
            })}
            {gates.map((g) => {
              const v = indicators[g.indicator];
              const pass = gatePasses(g, v);
              return (
                <tr key={`gate-${g.id}`}>
                  <th scope="row">
                    {t("portal.indicators.gate")}: {gateText(t, g)}
                  </th>
                  <td className="num">{formatIndicator(g.indicator, v)}</td>
                  <td>
                    {pass === null ? (
                      t("portal.indicators.missing")
                    ) : pass ? (
                      t("portal.indicators.gatePass")
                    ) : (
                      <strong>{t("portal.indicators.gateFail")}</strong>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {group === "government" && figures.vulnerable_apbd_amount !== undefined ? (
        <p className="muted">
          {t("portal.figure.vulnerable_apbd_amount")}: {formatRupiah(figures.vulnerable_apbd_amount)}
        </p>
      ) : null}
    </section>
  );
}
