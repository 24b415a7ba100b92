import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, Field, FormErrorSummary, SelectField } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";
import { DEFAULT_MARGIN } from "~/domain/plenary";
import { PHASE_TONE, type PlenaryPhase } from "~/domain/plenary-phase";
import { formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import { plenaryCommitteeAction, plenaryCommitteeLoader } from "~/lib/plenary-committee.server";
import { useT } from "~/lib/use-t";

// The committee's plenaries (rapat pleno): for each category of the open stage, where its plenary
// stands and the form that opens it or changes its settings; earlier stages' plenaries, read only.

export const loader = plenaryCommitteeLoader;
export const action = plenaryCommitteeAction;

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Summary = NonNullable<Data["current"][number]["plenary"]>;
type Answer = { errors: Record<string, string>; values: Record<string, string> };

function Phase({ phase }: { phase: PlenaryPhase }) {
  const t = useT();
  return <StatusBadge tone={PHASE_TONE[phase]}>{t(`plenaryCommittee.state.${phase}`)}</StatusBadge>;
}

/** The state's details and the links to the plenary and its minutes. */
function PlenaryState({ p, unsubmitted }: { p: Summary; unsubmitted?: number }) {
  const t = useT();
  const category = categoryName(t, p.categoryKey);
  const details = [t("plenaryCommittee.chairedBy", { name: p.chairName })];
  if (p.phase === "open" && unsubmitted)
    details.push(t("plenaryCommittee.unsubmitted", { count: formatNumber(unsubmitted) }));
  details.push(t("plenaryCommittee.comments", { count: formatNumber(p.comments) }));
  details.push(t("plenaryCommittee.decisions", { count: formatNumber(p.decisions) }));
  if (p.minutes)
    details.push(
      t("plenaryCommittee.confirmed", { confirmed: formatNumber(p.confirmed), panel: formatNumber(p.panel) }),
    );
  return (
    <>
      <p>
        <Phase phase={p.phase} /> {details.join(" · ")}
      </p>
      {p.closeReason ? <p className="muted">{t("plenaryCommittee.closeReason", { reason: p.closeReason })}</p> : null}
      <p>
        <Link to={`/plenary/${p.id}`} aria-label={t("plenaryCommittee.goTo", { category })}>
          {t("plenaryCommittee.goToShort")}
        </Link>
        {" · "}
        <Link to={`/plenary/${p.id}/minutes`}>{t("plenaryCommittee.minutes")}</Link>
      </p>
    </>
  );
}

/** Chair, margin and named sheets: the fields the opening and the settings forms share. */
function SettingsFields({
  prefix,
  d,
  answer,
  chairId,
  margin,
  named,
}: {
  prefix: string;
  d: Data;
  answer: Answer | null;
  chairId: number;
  margin: number;
  named: boolean;
}) {
  const t = useT();
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <>
      <SelectField
        name="chairId"
        id={`${prefix}-chair`}
        label={t("plenaryCommittee.chair")}
        hint={t("plenaryCommittee.chairHint")}
        defaultValue={values.chairId ?? String(chairId)}
        error={errors.chairId}
        options={d.committee.map((m) => [
          String(m.userId),
          m.userId === d.me ? t("plenaryCommittee.me", { name: m.name }) : m.name,
        ])}
      />
      <Field
        name="margin"
        id={`${prefix}-margin`}
        inputMode="decimal"
        label={t("plenaryCommittee.margin")}
        hint={t("plenaryCommittee.marginHint")}
        defaultValue={values.margin ?? formatNumber(margin)}
        error={errors.margin}
      />
      <ChoiceGroup
        name="named"
        label={t("plenaryCommittee.named")}
        checked={values.named ?? (named ? "1" : "0")}
        error={errors.named}
        options={[
          ["0", t("plenaryCommittee.named.0")],
          ["1", t("plenaryCommittee.named.1")],
        ]}
      />
    </>
  );
}

export default function CommitteePlenary() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const open = d.open;
  const answerFor = (key: string): Answer | null => (actionData && actionData.form === key ? actionData : null);
  return (
    <section className="plenary-committee">
      <h1>{t("plenaryCommittee.title")}</h1>
      <p>{t("plenaryCommittee.intro")}</p>
      {!open ? (
        <p>{t("plenaryCommittee.noneOpen")}</p>
      ) : (
        <>
          <h2>{t("plenaryCommittee.stageTitle", { stage: stageName(t, open.key) })}</h2>
          {d.current.length === 0 ? <p>{t("plenaryCommittee.noCategories")}</p> : null}
          {d.current.map((c) => {
            const category = categoryName(t, c.categoryKey);
            const p = c.plenary;
            const key = p ? `settings-${p.id}` : `open-${c.categoryId}`;
            const answer = answerFor(key);
            return (
              <section key={c.categoryId} aria-labelledby={`plenary-cat-${c.categoryId}`}>
                <h3 id={`plenary-cat-${c.categoryId}`}>{category}</h3>
                <p className="muted">{t("plenaryCommittee.entries", { count: formatNumber(c.entries) })}</p>
                {p ? (
                  <>
                    <PlenaryState p={p} unsubmitted={c.unsubmitted} />
                    <details open={answer !== null}>
                      <summary>{t("plenaryCommittee.settingsTitle", { category })}</summary>
                      {/* Drawn anew with each version: a stale form shows the current settings. */}
                      <Form
                        method="post"
                        noValidate
                        key={p.version}
                        aria-label={t("plenaryCommittee.settingsTitle", { category })}
                      >
                        <FormErrorSummary message={answer?.errors._form} />
                        <input type="hidden" name="plenaryId" value={p.id} />
                        <input type="hidden" name="version" value={p.version} />
                        <SettingsFields
                          prefix={key}
                          d={d}
                          answer={answer}
                          chairId={p.chairId}
                          margin={p.margin}
                          named={p.named}
                        />
                        <button type="submit" name="intent" value="settings">
                          {t("plenaryCommittee.saveSettings")}
                        </button>
                      </Form>
                    </details>
                  </>
                ) : (
                  <>
                    <p>
                      <Phase phase="not_opened" />
                    </p>
                    <Form method="post" noValidate aria-label={t("plenaryCommittee.openTitle", { category })}>
                      <FormErrorSummary message={answer?.errors._form} />
                      <input type="hidden" name="categoryId" value={c.categoryId} />
                      <SettingsFields
                        prefix={key}
                        d={d}
                        answer={answer}
                        chairId={d.me}
                        margin={DEFAULT_MARGIN}
                        named={open.named}
                      />
                      {c.unsubmitted > 0 ? (
                        <div className={`field${answer?.errors.goAhead ? " field--error" : ""}`}>
                          <p className="alert alert--warn" id={`${key}-warning`}>
                            {t("plenaryCommittee.unsubmittedWarning", { count: formatNumber(c.unsubmitted) })}
                          </p>
                          <label>
                            <input
                              type="checkbox"
                              name="goAhead"
                              defaultChecked={answer?.values.goAhead === "on"}
                              aria-invalid={answer?.errors.goAhead ? true : undefined}
                              aria-describedby={`${key}-warning${answer?.errors.goAhead ? ` ${key}-goAhead-error` : ""}`}
                            />{" "}
                            {t("plenaryCommittee.goAhead")}
                          </label>
                          {answer?.errors.goAhead ? (
                            <p className="error" id={`${key}-goAhead-error`}>
                              {answer.errors.goAhead}
                            </p>
                          ) : null}
                        </div>
                      ) : null}
                      <button type="submit" name="intent" value="open" className="primary">
                        {t("plenaryCommittee.open")}
                      </button>
                    </Form>
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
      {d.earlier.length > 0 ? (
        <section aria-labelledby="plenary-earlier">
          <h2 id="plenary-earlier">{t("plenaryCommittee.earlierTitle")}</h2>
          {d.earlier.map((p) => (
            <section key={p.id} aria-labelledby={`plenary-${p.id}`}>
              <h3 id={`plenary-${p.id}`}>
                {categoryName(t, p.categoryKey)} · {stageName(t, p.stage)}
              </h3>
              <PlenaryState p={p} />
            </section>
          ))}
        </section>
      ) : null}
    </section>
  );
}
