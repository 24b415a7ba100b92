import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AssessorView } from "../../db/schema";
import { setAssessorView } from "../../db/queries/panel-view";
import { addAssignments, blockedPairs, entriesWithStatus, stageAssignments } from "../../db/queries/assignment-plans";
import { panelMembers } from "../../db/queries/people";
import { requireEditionCommittee } from "~/lib/committee.server";
import { closeOpenStage, proposal, unconfirmedPlenaries } from "~/lib/stages.server";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH } from "~/domain/plenary";
import { LIST_LIMIT } from "~/domain/ranking-view";
import { STAGE_ENTRY_STATUS } from "~/domain/entry-status";
import { autoAssign } from "~/lib/auto-assign";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import { ChoiceGroup, Field, FormErrorSummary, TextareaField } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";
import { readForm } from "~/lib/request-body.server";
import { ConfirmAction } from "~/components/ConfirmAction";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const p = await proposal(db, edition);
  // Plenaries of the open stage whose minutes not everyone confirmed: closing needs a reason.
  const unconfirmed = p.open ? await unconfirmedPlenaries(db, edition.id, p.open.key) : [];
  const [jurors, shortlisted, interview] = await Promise.all([
    panelMembers(db, edition.id, "juror"),
    entriesWithStatus(db, edition.id, [STAGE_ENTRY_STATUS.interview]),
    stageAssignments(db, edition.id, "interview"),
  ]);
  return {
    edition: { id: edition.id },
    ...p,
    // The whole shortlist decides the close; the page names the first LIST_LIMIT of each list.
    categories: p.categories.map((c) => ({
      ...c,
      advancing: c.advancing.slice(0, LIST_LIMIT),
      notAdvancing: c.notAdvancing.slice(0, LIST_LIMIT),
      advancingCount: c.advancing.length,
      notAdvancingCount: c.notAdvancing.length,
    })),
    unconfirmed,
    jurors: jurors.length,
    shortlisted: shortlisted.length,
    interviewAssignments: interview.length,
  };
}

// What a closed stage's panel may read of one another's submitted scoresheets (db/schema's
// AssessorView, listed here so that no database module reaches the browser bundle).
const ASSESSOR_VIEWS = ["none", "scores", "scores_notes"] as const satisfies readonly AssessorView[];
const viewSchema = z.object({
  intent: z.literal("view"),
  stage: z.enum(["desk", "verification", "interview"]),
  view: z.enum(ASSESSOR_VIEWS),
});
const closeSchema = z.object({
  intent: z.literal("close"),
  stage: z.enum(["desk", "verification", "interview"]),
  // Only when a plenary's minutes are not confirmed by everyone (closeOpenStage asks for it).
  reason: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const r = v?.trim() ?? "";
      if (r === "") return undefined;
      if (r.length < MIN_REASON_LENGTH || r.length > MAX_REASON_LENGTH) {
        const short = r.length < MIN_REASON_LENGTH;
        ctx.addIssue({
          code: "custom",
          message: short ? "committee.stages.closeReasonShort" : "committee.stages.closeReasonLong",
          params: short ? { min: formatNumber(MIN_REASON_LENGTH) } : { max: formatNumber(MAX_REASON_LENGTH) },
        });
        return z.NEVER;
      }
      return r;
    }),
});
const jurorSchema = z.object({
  intent: z.literal("jurors"),
  mode: z.enum(["all", "k"], { error: "form.required" }),
  k: z.coerce
    .number({ error: "committee.stages.kInvalid" })
    .int("committee.stages.kInvalid")
    .min(1, "committee.stages.kInvalid")
    .max(50, "committee.stages.kInvalid"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const here = `/committee/${edition.id}/stages`;
  if (form.get("intent") === "close") {
    const parsed = parseForm(closeSchema, form, t);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
    const closed = await closeOpenStage(db, edition, {
      stage: parsed.data.stage,
      fingerprint: form.get("fingerprint"),
      userId: viewer.user.id,
      confirmed: isConfirmed(form),
      reason: parsed.data.reason,
    });
    if (!closed.ok) {
      // The reason given goes with the confirmation panel, which posts it back.
      if (closed.reason === "unconfirmed")
        return data({ ...confirmationRequest("close"), errors: {}, values: { reason: parsed.data.reason ?? "" } });
      if (closed.reason === "minutes_unconfirmed")
        return data(
          {
            errors: {
              _form: t("committee.stages.minutesUnconfirmed", { count: formatNumber(closed.plenaries.length) }),
              reason: t("committee.stages.closeReasonShort", { min: formatNumber(MIN_REASON_LENGTH) }),
            },
            values: { reason: parsed.data.reason ?? "" },
          },
          400,
        );
      if (closed.reason === "no_sheets")
        return data(
          {
            errors: { _form: t("committee.stages.noSheets", { count: formatNumber(closed.withoutSheet) }) },
            values: {} as Record<string, string>,
          },
          400,
        );
      const refusal = {
        not_open: ["committee.stages.notOpen", 400],
        changed: ["committee.stages.changed", 409],
        refused: ["committee.stages.refused", 400],
      } as const;
      const [message, status] = refusal[closed.reason];
      return data({ errors: { _form: t(message) }, values: {} as Record<string, string> }, status);
    }
    const done = closed.last ? "committee.stages.closedLast" : "committee.stages.closed";
    return redirect(here, {
      headers: await flash(request, t(done, { stage: stageName(t, closed.stage) })),
    });
  }
  if (form.get("intent") === "view") {
    const parsed = parseForm(viewSchema, form, t);
    if (!parsed.ok) return data({ errors: { _form: t("form.invalid") }, values: parsed.values }, 400);
    const done = await setAssessorView(db, {
      editionId: edition.id,
      stage: parsed.data.stage,
      view: parsed.data.view,
      userId: viewer.user.id,
    });
    if (!done)
      return data(
        { errors: { _form: t("committee.stages.viewNotClosed") }, values: {} as Record<string, string> },
        400,
      );
    return redirect(here, {
      headers: await flash(request, t("committee.stages.viewSaved", { stage: stageName(t, parsed.data.stage) })),
    });
  }
  if (form.get("intent") === "jurors") {
    const parsed = parseForm(jurorSchema, form, t);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
    const [jurors, shortlisted, existing, blocked] = await Promise.all([
      panelMembers(db, edition.id, "juror"),
      entriesWithStatus(db, edition.id, [STAGE_ENTRY_STATUS.interview]),
      stageAssignments(db, edition.id, "interview"),
      blockedPairs(db, edition.id),
    ]);
    if (shortlisted.length === 0 || jurors.length === 0)
      return data({ errors: { _form: t("committee.stages.noShortlist") }, values: {} as Record<string, string> }, 400);
    const k = parsed.data.mode === "all" ? jurors.length : Math.min(parsed.data.k, jurors.length);
    const plan = autoAssign({
      entries: shortlisted.map((e) => e.id),
      people: jurors.map((j) => j.id),
      k,
      // All jurors on every entry: no cap; k per entry: balanced by the default cap.
      cap: parsed.data.mode === "all" ? shortlisted.length : undefined,
      blocked: blocked.map((b) => ({ entry: b.entryId, person: b.userId })),
      existing: existing.map((a) => ({ entry: a.entry_id, person: a.user_id })),
    });
    const added = await addAssignments(db, {
      editionId: edition.id,
      stage: "interview",
      pairs: plan.pairs.map((p) => ({ entryId: p.entry, userId: p.person })),
      createdBy: viewer.user.id,
      action: "assignment.jurors",
    });
    return redirect(here, {
      headers: await flash(request, t("committee.stages.jurorsAssigned", { count: formatNumber(added) })),
    });
  }
  return data({ errors: { _form: t("committee.action.unknown") }, values: {} as Record<string, string> }, 400);
}

const stageTone = { pending: "neutral", open: "info", closed: "good" } as const;

/** What closing the open stage will do, per category: who advances, who does not, sheets not counted. */
function CloseSummary({ d, reason }: { d: ReturnType<typeof useLoaderData<typeof loader>>; reason?: string }) {
  const t = useT();
  if (!d.open) return null;
  return (
    <>
      <p>
        {d.next
          ? t("committee.stages.confirmIntro", { next: stageName(t, d.next.key) })
          : t("committee.stages.confirmLastIntro")}
      </p>
      <ul>
        {d.categories.map((c) => (
          <li key={c.id}>
            {c.published
              ? t("committee.stages.confirmPublished", { category: categoryName(t, c.key) })
              : d.next
                ? t("committee.stages.confirmCategory", {
                    category: categoryName(t, c.key),
                    advancing: formatNumber(c.advancingCount),
                    notAdvancing: formatNumber(c.notAdvancingCount),
                  })
                : categoryName(t, c.key)}
            {c.unsubmitted > 0
              ? `; ${t("committee.stages.confirmUnsubmitted", { count: formatNumber(c.unsubmitted) })}`
              : null}
          </li>
        ))}
      </ul>
      {reason ? <p>{t("committee.stages.confirmReason", { reason })}</p> : null}
    </>
  );
}

export default function Stages() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const confirmRequested = actionData !== undefined && "confirm" in actionData && actionData.confirm === "close";
  return (
    <section>
      <h1>{t("committee.stages.title")}</h1>
      <FormErrorSummary message={errors._form ?? (Object.keys(errors).length ? t("common.formErrors") : null)} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("common.stage")}</th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("common.deadline")}</th>
            <th scope="col">{t("committee.stages.view")}</th>
          </tr>
        </thead>
        <tbody>
          {d.stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">{stageName(t, s.key)}</th>
              <td>
                <StatusBadge tone={stageTone[s.status]}>{t(`stageStatus.${s.status}`)}</StatusBadge>
              </td>
              <td>{formatDate(s.deadline, locale)}</td>
              <td>
                {s.status === "closed" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="stage" value={s.key} />
                    <label className="visually-hidden" htmlFor={`view-${s.key}`}>
                      {t("committee.stages.viewOf", { stage: stageName(t, s.key) })}
                    </label>
                    <select id={`view-${s.key}`} name="view" defaultValue={s.assessor_view}>
                      {ASSESSOR_VIEWS.map((v) => (
                        <option key={v} value={v}>
                          {t(`committee.stages.view.${v}`)}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" name="intent" value="view">
                      {t("common.save")}
                    </button>
                  </Form>
                ) : (
                  <span className="muted">{t("committee.stages.viewBlind")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {d.open ? (
        <>
          <h2>{t("committee.stages.closeTitle", { stage: stageName(t, d.open.key) })}</h2>
          <p>
            {d.next
              ? t("committee.stages.closeIntro", { next: stageName(t, d.next.key) })
              : t("committee.stages.closeLast")}
          </p>
          {d.categories
            .filter((c) => d.next || !c.ok || c.withoutSheet > 0 || c.unsubmitted > 0)
            .map((c) => (
              <section key={c.id} aria-labelledby={`short-${c.id}`}>
                <h3 id={`short-${c.id}`}>{categoryName(t, c.key)}</h3>
                {c.withoutSheet > 0 ? (
                  <p className="alert alert--error">
                    {t("committee.stages.withoutSheet", {
                      count: formatNumber(c.withoutSheet),
                      entries: formatNumber(c.entries),
                    })}
                  </p>
                ) : null}
                {c.unsubmitted > 0 ? (
                  <p className="alert alert--warn">
                    {t("committee.stages.unsubmitted", { count: formatNumber(c.unsubmitted) })}
                  </p>
                ) : null}
                {c.published ? (
                  <p className="alert alert--info">{t("committee.stages.published")}</p>
                ) : !c.ok ? (
                  <p className="alert alert--error">{t("committee.stages.refused")}</p>
                ) : !d.next ? null : (
                  <table className="data shortlist">
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t("committee.ranking.rank")}
                        </th>
                        <th scope="col">{t("common.organisation")}</th>
                        <th scope="col" className="num">
                          {t("committee.ranking.total")}
                        </th>
                        <th scope="col">{t("committee.stages.decision")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.advancing.map((e) => (
                        <tr key={e.id}>
                          <td className="num">{e.rank ?? "–"}</td>
                          <th scope="row">{e.name}</th>
                          <td className="num">{formatNumber(e.total, 2)}</td>
                          <td>
                            <StatusBadge tone="good">{t("committee.stages.advances")}</StatusBadge>
                          </td>
                        </tr>
                      ))}
                      {c.notAdvancing.map((e) => (
                        <tr key={e.id}>
                          <td className="num">{e.rank ?? "–"}</td>
                          <th scope="row">{e.name}</th>
                          <td className="num">{formatNumber(e.total, 2)}</td>
                          <td>
                            <StatusBadge tone="neutral">{t("committee.stages.stays")}</StatusBadge>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {c.advancingCount + c.notAdvancingCount > c.advancing.length + c.notAdvancing.length ? (
                  <p className="muted">
                    {t("committee.stages.listCapped", {
                      shown: formatNumber(c.advancing.length + c.notAdvancing.length),
                      total: formatNumber(c.advancingCount + c.notAdvancingCount),
                    })}
                  </p>
                ) : null}
              </section>
            ))}
          {d.unconfirmed.length > 0 ? (
            <section aria-labelledby="minutes-title" className="alert alert--warn">
              <h3 id="minutes-title">{t("committee.stages.minutesTitle")}</h3>
              <p>{t("committee.stages.minutesIntro")}</p>
              <ul>
                {d.unconfirmed.map((u) => (
                  <li key={u.plenaryId}>
                    <a href={`/plenary/${u.plenaryId}/minutes`}>
                      {u.minutes
                        ? t("committee.stages.minutesMissing", {
                            category: categoryName(t, u.categoryKey),
                            missing: formatNumber(u.missing),
                          })
                        : t("committee.stages.minutesNone", { category: categoryName(t, u.categoryKey) })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {d.unconfirmed.length > 0 && !confirmRequested ? (
            // The reason is posted first; the confirmation panel that follows carries it.
            <Form method="post" noValidate>
              <input type="hidden" name="stage" value={d.open.key} />
              <input type="hidden" name="fingerprint" value={d.fingerprint} />
              <TextareaField
                name="reason"
                label={t("committee.stages.closeReason")}
                hint={t("committee.stages.closeReasonHint", { min: formatNumber(MIN_REASON_LENGTH) })}
                defaultValue={values.reason ?? ""}
                error={errors.reason}
                rows={3}
                maxLength={MAX_REASON_LENGTH}
              />
              <button type="submit" name="intent" value="close" className="primary" disabled={!d.closable}>
                {t("committee.stages.closeWithReason")}
              </button>
            </Form>
          ) : (
            <ConfirmAction
              intent="close"
              label={t(d.next ? "committee.stages.confirm" : "committee.stages.confirmLast", {
                stage: stageName(t, d.open.key),
              })}
              title={t("committee.stages.confirmTitle", { stage: stageName(t, d.open.key) })}
              summary={<CloseSummary d={d} reason={values.reason} />}
              confirmLabel={t("committee.stages.confirmButton")}
              cancelLabel={t("common.cancel")}
              fields={{
                stage: d.open.key,
                fingerprint: d.fingerprint,
                ...(values.reason ? { reason: values.reason } : {}),
              }}
              requested={confirmRequested}
              className="primary"
              disabled={!d.closable}
            />
          )}
        </>
      ) : (
        <p>{t("committee.stages.noneOpen")}</p>
      )}

      <h2>{t("committee.stages.jurorsTitle")}</h2>
      <p>
        {t("committee.stages.jurorsIntro", {
          jurors: formatNumber(d.jurors),
          entries: formatNumber(d.shortlisted),
          assignments: formatNumber(d.interviewAssignments),
        })}
      </p>
      <Form method="post" noValidate>
        <ChoiceGroup
          name="mode"
          label={t("committee.stages.mode")}
          checked={values.mode ?? "all"}
          error={errors.mode}
          options={[
            ["all", t("committee.stages.modeAll")],
            ["k", t("committee.stages.modeK")],
          ]}
        />
        <Field
          name="k"
          type="number"
          min={1}
          label={t("committee.stages.k")}
          defaultValue={values.k ?? "3"}
          error={errors.k}
        />
        <button type="submit" name="intent" value="jurors">
          {t("committee.stages.assignJurors")}
        </button>
      </Form>
    </section>
  );
}
