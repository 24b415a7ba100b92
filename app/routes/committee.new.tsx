import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { createEdition } from "../../db/queries/editions";
import type { CategoryKey, Level } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { requireEditionCreator } from "~/lib/edition-creation.server";
import { parseForm } from "~/lib/forms";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { ChoiceGroup, Field, FormErrorSummary, SelectField } from "~/components/Field";
import { readForm } from "~/lib/request-body.server";
import { storedDeadline } from "~/domain/deadlines";
import { CATEGORY_KEYS } from "~/domain/categories";
import { editionLevelProblems, NATIONAL_REGION } from "~/domain/edition-creation";
import { categoriesForLevel, LEVELS, PROVINCES, stagesForLevel } from "~/domain/levels";

// A new edition. The administrator (award secretariat) creates editions and then appoints their
// committee on /admin/editions/<id>, unless they tick "make me a committee member too"; a
// committee member may create one only when the administrator allows it, and becomes its
// committee (app/lib/edition-creation.server.ts).

// A real calendar day (2023-02-31 and 2023-13-01 are refused), as YYYY-MM-DD.
const date = z.iso.date({ error: "committee.edition.dateInvalid" });
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), date.optional());

const schema = z
  .object({
    name: z.string().trim().min(3, "form.required").max(200, "form.invalid"),
    year: z.coerce
      .number({ error: "committee.edition.yearInvalid" })
      .int("committee.edition.yearInvalid")
      .min(2000, "committee.edition.yearInvalid")
      .max(2100, "committee.edition.yearInvalid"),
    level: z.enum(LEVELS, { error: "form.required" }),
    // A province of PROVINCES, or Indonesia for a national edition (editionLevelProblems).
    region: z.string().trim().max(200, "form.invalid"),
    periodStart: date,
    periodEnd: date,
    registrationDeadline: optionalDate,
    deskDeadline: optionalDate,
    verificationDeadline: optionalDate,
    interviewDeadline: optionalDate,
    places: z.coerce
      .number({ error: "form.invalid" })
      .int("form.invalid")
      .min(1, "form.invalid")
      .max(10, "form.invalid"),
    mentions: z.coerce
      .number({ error: "form.invalid" })
      .int("form.invalid")
      .min(0, "form.invalid")
      .max(10, "form.invalid"),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ["periodEnd"], message: "committee.edition.periodOrder" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { isAdmin } = await requireEditionCreator(request);
  return { isAdmin };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, isAdmin } = await requireEditionCreator(request);
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = parseForm(schema, form, t);
  const categories = form
    .getAll("categories")
    .map(String)
    .filter((c): c is CategoryKey => (CATEGORY_KEYS as readonly string[]).includes(c));
  const checked = Object.fromEntries(categories.map((c) => [`cat_${c}`, "on"]));
  // Only the administrator chooses; anyone else who creates an edition is its committee.
  const joinCommittee = !isAdmin || form.get("joinCommittee") === "on";
  if (isAdmin && joinCommittee) checked.joinCommittee = "on";
  // The level's rules (region, categories, which stages have deadlines and their order).
  const levelProblems = parsed.ok
    ? editionLevelProblems({
        level: parsed.data.level,
        region: parsed.data.region,
        categories,
        registrationDeadline: parsed.data.registrationDeadline,
        deadlines: {
          desk: parsed.data.deskDeadline,
          verification: parsed.data.verificationDeadline,
          interview: parsed.data.interviewDeadline,
        },
      })
    : {};
  if (!parsed.ok || categories.length === 0 || Object.keys(levelProblems).length > 0) {
    const errors = parsed.ok ? {} : parsed.errors;
    for (const [field, key] of Object.entries(levelProblems)) if (key) errors[field] = t(key);
    if (categories.length === 0) errors.categories = t("committee.edition.categoriesRequired");
    // What was typed stays, also when only a level rule or the categories refused the form.
    const typed: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in typed)) typed[k] = v;
    return data({ errors, values: { ...typed, ...checked } }, 400);
  }
  const v = parsed.data;
  const id = await createEdition(await getDb(), {
    name: v.name,
    year: v.year,
    level: v.level,
    region: v.level === "national" ? NATIONAL_REGION : v.region,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    registrationDeadline: storedDeadline(v.registrationDeadline),
    deadlines: {
      desk: storedDeadline(v.deskDeadline),
      verification: storedDeadline(v.verificationDeadline),
      interview: storedDeadline(v.interviewDeadline),
    },
    categories,
    places: v.places,
    mentions: v.mentions,
    userId: viewer.user.id,
    creatorJoinsCommittee: joinCommittee,
  });
  if (!joinCommittee)
    return redirect(`/admin/editions/${id}`, { headers: await flash(request, t("admin.edition.createdAppoint")) });
  return redirect(`/committee/${id}`, { headers: await flash(request, t("committee.edition.created")) });
}

export default function NewEdition() {
  const t = useT();
  const { isAdmin } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> = a?.errors ?? {};
  const values: Record<string, string> = a?.values ?? {};
  // With JavaScript the form offers only the chosen level's categories and stage deadlines; the
  // server page (and a browser without it) lists them all and the server refuses what the level has not.
  const [level, setLevel] = useState<Level>(values.level === "national" ? "national" : "provincial");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    // A level chosen before the page became interactive counts.
    const chosen = document.querySelector<HTMLSelectElement>('select[name="level"]')?.value;
    if (chosen === "national" || chosen === "provincial") setLevel(chosen);
    setHydrated(true);
  }, []);
  const offered = hydrated ? categoriesForLevel(level) : CATEGORY_KEYS;
  // (A provincial edition has every stage.)
  const stageKeys = new Set(stagesForLevel(hydrated ? level : "provincial").map((s) => s.key));
  return (
    <section>
      <h1>{t("committee.edition.title")}</h1>
      {isAdmin ? <p>{t("admin.edition.newIntro")}</p> : null}
      <FormErrorSummary message={Object.keys(errors).length ? t("common.formErrors") : null} />
      <Form method="post" noValidate className="narrow" data-hydrated={hydrated ? "" : undefined}>
        <Field
          name="name"
          label={t("committee.edition.name")}
          defaultValue={values.name}
          error={errors.name}
          required
        />
        <Field
          name="year"
          type="number"
          label={t("committee.edition.year")}
          defaultValue={values.year ?? String(new Date().getFullYear())}
          error={errors.year}
          required
        />
        <SelectField
          name="level"
          label={t("committee.edition.level")}
          defaultValue={level}
          onChange={(e) => setLevel(e.currentTarget.value === "national" ? "national" : "provincial")}
          error={errors.level}
          options={LEVELS.map((l) => [l, t(`level.${l}`)])}
        />
        <SelectField
          name="region"
          label={t("committee.edition.region")}
          defaultValue={values.region ?? ""}
          error={errors.region}
          placeholder={t("committee.edition.regionChoose")}
          options={[
            [NATIONAL_REGION, t("committee.edition.regionNationalOption")],
            ...PROVINCES.map((p) => [p, p] as const),
          ]}
          required
        />
        <Field
          name="periodStart"
          type="date"
          label={t("committee.edition.periodStart")}
          defaultValue={values.periodStart}
          error={errors.periodStart}
          required
        />
        <Field
          name="periodEnd"
          type="date"
          label={t("committee.edition.periodEnd")}
          defaultValue={values.periodEnd}
          error={errors.periodEnd}
          required
        />
        <Field
          name="registrationDeadline"
          type="date"
          label={t("committee.edition.registrationDeadline")}
          defaultValue={values.registrationDeadline}
          error={errors.registrationDeadline}
        />
        {stageKeys.has("desk") ? (
          <Field
            name="deskDeadline"
            type="date"
            label={`${t("common.deadline")}: ${t("stage.desk")}`}
            defaultValue={values.deskDeadline}
            error={errors.deskDeadline}
          />
        ) : null}
        {stageKeys.has("verification") ? (
          <Field
            name="verificationDeadline"
            type="date"
            label={`${t("common.deadline")}: ${t("stage.verification")}`}
            defaultValue={values.verificationDeadline}
            error={errors.verificationDeadline}
          />
        ) : null}
        {stageKeys.has("interview") ? (
          <Field
            name="interviewDeadline"
            type="date"
            label={`${t("common.deadline")}: ${t("stage.interview")}`}
            defaultValue={values.interviewDeadline}
            error={errors.interviewDeadline}
          />
        ) : null}
        <ChoiceGroup
          type="checkbox"
          name="categories"
          label={t("committee.overview.categories")}
          error={errors.categories}
          optionClassName="check"
          hint={t("committee.edition.categoriesHint")}
          checked={offered.filter((c) => values[`cat_${c}`] === "on")}
          options={offered.map((c) => [c, categoryName(t, c)])}
        />
        <Field
          name="places"
          type="number"
          label={t("committee.edition.places")}
          defaultValue={values.places ?? "3"}
          error={errors.places}
        />
        <Field
          name="mentions"
          type="number"
          label={t("committee.edition.mentions")}
          defaultValue={values.mentions ?? "0"}
          error={errors.mentions}
        />
        {isAdmin ? (
          <ChoiceGroup
            type="checkbox"
            name="joinCommittee"
            label={t("admin.edition.committeeLegend")}
            optionClassName="check"
            checked={values.joinCommittee === "on" ? ["on"] : []}
            options={[["on", t("admin.edition.joinCommittee")]]}
          />
        ) : null}
        <button type="submit" className="primary">
          {t("committee.edition.create")}
        </button>
      </Form>
    </section>
  );
}
