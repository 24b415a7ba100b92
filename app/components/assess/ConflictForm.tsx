import { Form, useActionData } from "@remix-run/react";
import { useState } from "react";
import { FormErrorSummary } from "~/components/Field";
import { CONFLICT_KINDS, type ActionResult } from "~/lib/assess-form";
import { useT } from "~/lib/use-t";
import { conflictKindName } from "~/i18n/labels";

/** The conflict-of-interest declaration, asked once before the entry's evidence is shown. */
export function ConflictForm({ organisation }: { organisation: string }) {
  const t = useT();
  const result = useActionData<ActionResult>();
  const r = result && result.kind === "declare" ? result : undefined;
  const errors = r?.errors ?? {};
  const [choice, setChoice] = useState(r?.values.conflict ?? "");
  const errorOf = (name: string) =>
    errors[name] ? (
      <p className="error" id={`f-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <section aria-labelledby="conflict-title" className="assess-conflict">
      <h2 id="conflict-title">{t("assess.conflict.title")}</h2>
      <p>{t("assess.conflict.intro", { organisation })}</p>
      <p className="muted">{t("assess.conflict.final")}</p>
      <FormErrorSummary message={r?.message} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="declare" />
        <fieldset
          className={`field${errors.conflict ? " field--error" : ""}`}
          aria-describedby={errors.conflict ? "f-conflict-error" : undefined}
        >
          <legend>{t("assess.conflict.question")}</legend>
          {(["no", "yes"] as const).map((v) => (
            <label key={v} className="choice">
              <input
                type="radio"
                name="conflict"
                value={v}
                defaultChecked={choice === v}
                onChange={() => setChoice(v)}
              />{" "}
              {t(v === "no" ? "assess.conflict.none" : "assess.conflict.has")}
            </label>
          ))}
          {errorOf("conflict")}
        </fieldset>
        <fieldset
          className={`field${errors.kind ? " field--error" : ""}`}
          aria-describedby={errors.kind ? "f-kind-error" : undefined}
        >
          <legend>{t("assess.conflict.kind")}</legend>
          {CONFLICT_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} defaultChecked={r?.values.kind === k} />{" "}
              {conflictKindName(t, k)}
            </label>
          ))}
          {errorOf("kind")}
        </fieldset>
        <div className={`field${errors.note ? " field--error" : ""}`}>
          <label htmlFor="f-note">{t("assess.conflict.note")}</label>
          <p className="hint" id="f-note-hint">
            {t("assess.conflict.noteHint")}
          </p>
          <textarea
            id="f-note"
            name="note"
            rows={3}
            defaultValue={r?.values.note ?? ""}
            maxLength={2000}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={["f-note-hint", errors.note ? "f-note-error" : ""].filter(Boolean).join(" ")}
          />
          {errorOf("note")}
        </div>
        <button type="submit" className="primary">
          {t("assess.conflict.submit")}
        </button>
      </Form>
    </section>
  );
}
