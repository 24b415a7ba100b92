import { Form } from "@remix-run/react";
import type { StageKey } from "../../../db/schema";
import type { ConflictKind } from "~/domain/conflicts";
import type { ConflictState } from "~/domain/conflict-resolution";
import { useLocale, useT } from "~/lib/use-t";
import { conflictKindName, stageName } from "~/i18n/labels";
import { formatDate } from "~/i18n/format";
import { StatusBadge } from "~/components/StatusBadge";

export interface ConflictRow {
  id: number;
  userName: string;
  organisationName: string;
  kind: ConflictKind | null;
  note: string | null;
  state: ConflictState;
  /** The person's unsubmitted assignments on the entry, each with who may take it over. */
  open: { id: number; stage: StageKey; candidates: { id: number; name: string }[] }[];
}

/**
 * Declared conflicts: those still needing a replacement first, each with a replacement form
 * offering only people free to take the entry; the others say how they were resolved.
 */
export function ConflictList({
  conflicts,
  posted,
}: {
  conflicts: ConflictRow[];
  /** What the last reassign post sent and what was refused, to show under its own form. */
  posted: { values: Record<string, string>; errors: Record<string, string> } | null;
}) {
  const t = useT();
  const locale = useLocale();
  if (conflicts.length === 0) return <p>{t("committee.assign.noConflicts")}</p>;
  return (
    <table className="data conflicts">
      <thead>
        <tr>
          <th scope="col">{t("role.assessor")}</th>
          <th scope="col">{t("common.organisation")}</th>
          <th scope="col">{t("committee.assign.kind")}</th>
          <th scope="col">{t("committee.assign.conflictState")}</th>
          <th scope="col">{t("committee.assign.reassign")}</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => (
          <tr key={c.id} data-state={c.state.state}>
            <th scope="row">{c.userName}</th>
            <td>{c.organisationName}</td>
            <td>
              {c.kind ? conflictKindName(t, c.kind) : "–"}
              {c.note ? ` — ${c.note}` : ""}
            </td>
            <td>
              {c.state.state === "needs_action" ? (
                <StatusBadge tone="warn">{t("committee.assign.state.needs_action")}</StatusBadge>
              ) : c.state.state === "replaced" ? (
                <>
                  <StatusBadge tone="good">{t("committee.assign.state.replaced")}</StatusBadge>
                  <ul className="conflicts__replacements">
                    {c.state.replacements.map((r, i) => (
                      <li key={i}>
                        {t("committee.assign.replacedBy", {
                          stage: stageName(t, r.stage),
                          name: r.toUserName ?? "–",
                          by: r.byUserName ?? "–",
                          date: formatDate(r.at, locale, true),
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <StatusBadge tone="neutral">{t("committee.assign.state.nothing_to_do")}</StatusBadge>
              )}
            </td>
            <td>
              {c.open.length === 0
                ? "–"
                : c.open.map((a) => {
                    const mine = posted?.values.assignmentId === String(a.id) ? posted : null;
                    const error = mine?.errors.toUserId ?? mine?.errors.reason ?? mine?.errors._form;
                    return a.candidates.length === 0 ? (
                      <p key={a.id}>{t("committee.assign.noCandidates", { stage: stageName(t, a.stage) })}</p>
                    ) : (
                      <Form method="post" key={a.id} className="reassign">
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <label htmlFor={`to-${a.id}`}>
                          {t("committee.assign.to", { stage: stageName(t, a.stage) })}
                        </label>
                        <select
                          id={`to-${a.id}`}
                          name="toUserId"
                          defaultValue={mine?.values.toUserId ?? ""}
                          aria-invalid={mine?.errors.toUserId ? true : undefined}
                          aria-describedby={error ? `to-${a.id}-error` : undefined}
                        >
                          <option value="">–</option>
                          {a.candidates.map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                        <label htmlFor={`reason-${a.id}`}>{t("committee.reason")}</label>
                        <input
                          id={`reason-${a.id}`}
                          name="reason"
                          required
                          defaultValue={mine?.values.reason ?? ""}
                          aria-invalid={mine?.errors.reason ? true : undefined}
                        />
                        {error ? (
                          <p id={`to-${a.id}-error`} className="error">
                            {error}
                          </p>
                        ) : null}
                        <button type="submit" name="intent" value="reassign">
                          {t("committee.assign.reassign")}
                        </button>
                      </Form>
                    );
                  })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
