import { Form } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextareaField } from "~/components/Field";
import { NumberStepper } from "~/components/NumberStepper";
import { fieldId } from "~/lib/forms";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/lib/use-t";
import { answerFor, type PlenaryFormAnswer } from "./forms";
import { criterionName, sheetLabel, type CriterionRow, type SheetColumn, type SheetLabelView } from "./SheetsTable";

// Revision windows of an entry: the list (granted, revised with old → new, withdrawn), the chair's
// grant (a sheet and a criterion) and withdrawal of an open grant, and the assessor's revision of
// a criterion on their own sheet, showing the original value and note.

export interface RevisionView {
  id: number;
  sheet: SheetLabelView | null;
  criterionKey: string;
  status: "granted" | "revised" | "withdrawn";
  oldValue: number | null;
  newValue: number | null;
}

export interface MyRevision {
  id: number;
  criterionKey: string;
  max: number | null;
  step: number | null;
  oldValue: number | null;
  oldNote: string | null;
}

const num = (n: number | null) => (n === null ? "–" : formatNumber(n, 0, 2));

export function RevisionList({
  revisions,
  criteria,
  chair,
  answer,
}: {
  revisions: RevisionView[];
  criteria: CriterionRow[];
  chair: boolean;
  answer: PlenaryFormAnswer | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const nameOf = (key: string) => {
    const c = criteria.find((x) => x.key === key);
    return c ? criterionName(locale, c) : key;
  };
  if (revisions.length === 0) return <p className="muted">{t("plenary.revisions.none")}</p>;
  return (
    <ul className="plenary__revisions">
      {revisions.map((r) => {
        const facts = { sheet: r.sheet ? sheetLabel(t, r.sheet) : "–", criterion: nameOf(r.criterionKey) };
        const mine = answerFor(answer, "withdrawGrant", String(r.id));
        return (
          <li key={r.id}>
            {r.status === "revised"
              ? t("plenary.revision.revised", { ...facts, old: num(r.oldValue), new: num(r.newValue) })
              : t(r.status === "granted" ? "plenary.revision.granted" : "plenary.revision.withdrawn", facts)}
            {chair && r.status === "granted" ? (
              <Form method="post" className="plenary__inline">
                <FormErrorSummary message={mine?.errors._form} />
                <input type="hidden" name="revisionId" value={r.id} />
                <button type="submit" name="intent" value="withdrawGrant" className="plenary__button">
                  {t("plenary.revision.withdraw")}
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function GrantForm({
  sheets,
  criteria,
  answer,
}: {
  sheets: SheetColumn[];
  criteria: CriterionRow[];
  answer: PlenaryFormAnswer | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const mine = answerFor(answer, "grant", "");
  if (sheets.length === 0 || criteria.length === 0) return null;
  return (
    <Form method="post" className="plenary__form" aria-labelledby="plenary-grant">
      <h3 id="plenary-grant">{t("plenary.grant.title")}</h3>
      <FormErrorSummary message={mine?.errors._form} />
      <input type="hidden" name="intent" value="grant" />
      <SelectField
        name="assignmentId"
        label={t("plenary.grant.sheet")}
        placeholder={t("plenary.grant.choose")}
        defaultValue={mine?.values.assignmentId ?? ""}
        error={mine?.errors.assignmentId}
        options={sheets.map((s) => [String(s.assignmentId), sheetLabel(t, s.label)])}
      />
      <SelectField
        name="criterionKey"
        label={t("plenary.grant.criterion")}
        placeholder={t("plenary.grant.choose")}
        defaultValue={mine?.values.criterionKey ?? ""}
        error={mine?.errors.criterionKey}
        options={criteria.map((c) => [c.key, criterionName(locale, c)])}
      />
      <button type="submit" className="primary plenary__button">
        {t("plenary.grant.submit")}
      </button>
    </Form>
  );
}

export function ReviseForm({
  revision: r,
  criteria,
  answer,
}: {
  revision: MyRevision;
  criteria: CriterionRow[];
  answer: PlenaryFormAnswer | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const mine = answerFor(answer, "revise", String(r.id));
  const c = criteria.find((x) => x.key === r.criterionKey);
  const name = c ? criterionName(locale, c) : r.criterionKey;
  const valueId = fieldId(`revise-${r.id}-value`);
  const max = r.max ?? 0;
  const step = r.step ?? 1;
  return (
    <Form method="post" className="plenary__form" aria-labelledby={`revise-${r.id}`}>
      <h3 id={`revise-${r.id}`}>{t("plenary.revise.title", { criterion: name })}</h3>
      <p>{t("plenary.revise.original", { value: num(r.oldValue) })}</p>
      {r.oldNote ? <p className="muted">{t("plenary.revise.originalNote", { note: r.oldNote })}</p> : null}
      <FormErrorSummary message={mine?.errors._form} />
      <input type="hidden" name="intent" value="revise" />
      <input type="hidden" name="revisionId" value={r.id} />
      <div className={mine?.errors.value ? "field field--error" : "field"}>
        <label htmlFor={valueId}>
          {t("plenary.revise.value", { max: formatNumber(max, 0, 2), step: formatNumber(step, 0, 2) })}
        </label>
        <NumberStepper
          id={valueId}
          name="value"
          label={name}
          max={max}
          step={step}
          defaultValue={mine?.values.value ?? r.oldValue}
          aria-invalid={mine?.errors.value ? true : undefined}
          aria-describedby={mine?.errors.value ? `${valueId}-error` : undefined}
        />
        {mine?.errors.value ? (
          <p className="error" id={`${valueId}-error`}>
            {mine.errors.value}
          </p>
        ) : null}
      </div>
      <TextareaField
        name="note"
        id={`revise-${r.id}-note`}
        label={t("plenary.revise.note")}
        error={mine?.errors.note}
        defaultValue={mine?.values.note ?? r.oldNote ?? ""}
        rows={2}
      />
      <button type="submit" className="primary plenary__button">
        {t("plenary.revise.submit")}
      </button>
    </Form>
  );
}
