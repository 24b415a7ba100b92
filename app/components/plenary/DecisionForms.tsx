import { Form } from "@remix-run/react";
import { ChoiceGroup, FormErrorSummary, TextareaField } from "~/components/Field";
import { formatDate } from "~/i18n/format";
import { useLocale, useT } from "~/lib/use-t";
import { answerFor, type PlenaryFormAnswer } from "./forms";

// The plenary's decision on an entry: the active one (marked) and the withdrawn ones; the chair
// records one (advance or exclude, with a reason) or withdraws the active one (with a reason).

export interface DecisionView {
  id: number;
  decision: "advance" | "exclude";
  reason: string;
  decidedBy: string;
  decidedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export function DecisionForms({
  decisions,
  chair,
  canAdvance,
  minReason,
  answer,
}: {
  decisions: DecisionView[];
  chair: boolean;
  canAdvance: boolean;
  minReason: number;
  answer: PlenaryFormAnswer | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const active = decisions.find((d) => d.withdrawnAt === null);
  const decide = answerFor(answer, "decide", "");
  const withdraw = active ? answerFor(answer, "withdrawDecision", String(active.id)) : undefined;
  const choices = (["advance", "exclude"] as const)
    .filter((d) => d === "exclude" || canAdvance)
    .map((d) => [d, t(`plenary.decide.${d}`)] as const);
  return (
    <section className="plenary__decision" aria-labelledby="plenary-decision">
      <h2 id="plenary-decision">{t("plenary.decide.title")}</h2>
      {active ? (
        <p>
          <span className={`badge badge--${active.decision === "advance" ? "good" : "bad"}`}>
            {t(`plenary.decision.${active.decision}`)}
          </span>{" "}
          {active.reason}{" "}
          <span className="muted">
            {t("plenary.decide.by", { name: active.decidedBy, at: formatDate(active.decidedAt, locale, true) })}
          </span>
        </p>
      ) : null}
      {decisions
        .filter((d) => d.withdrawnAt !== null)
        .map((d) => (
          <p key={d.id} className="muted">
            <s>{t(`plenary.decision.${d.decision}`)}</s> {d.reason} ·{" "}
            {t("plenary.decide.withdrawnOne", {
              at: formatDate(d.withdrawnAt, locale, true),
              reason: d.withdrawalReason ?? "",
            })}
          </p>
        ))}
      {chair && active ? (
        <Form method="post" className="plenary__form">
          <h3>{t("plenary.decide.withdrawTitle")}</h3>
          <FormErrorSummary message={withdraw?.errors._form} />
          <input type="hidden" name="intent" value="withdrawDecision" />
          <input type="hidden" name="decisionId" value={active.id} />
          <TextareaField
            name="reason"
            id="withdraw-reason"
            label={t("plenary.decide.withdrawReason")}
            error={withdraw?.errors.reason}
            defaultValue={withdraw?.values.reason ?? ""}
            rows={2}
          />
          <button type="submit" className="plenary__button">
            {t("plenary.decide.withdraw")}
          </button>
        </Form>
      ) : null}
      {chair && !active ? (
        <Form method="post" className="plenary__form">
          <FormErrorSummary message={decide?.errors._form} />
          <input type="hidden" name="intent" value="decide" />
          <ChoiceGroup
            name="decision"
            label={t("plenary.decide.decision")}
            options={choices}
            checked={decide?.values.decision}
            error={decide?.errors.decision}
            optionClassName="plenary__choice"
          />
          <TextareaField
            name="reason"
            id="decide-reason"
            label={t("plenary.decide.reason", { min: minReason })}
            error={decide?.errors.reason}
            defaultValue={decide?.values.reason ?? ""}
            rows={2}
          />
          <button type="submit" className="primary plenary__button">
            {t("plenary.decide.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
