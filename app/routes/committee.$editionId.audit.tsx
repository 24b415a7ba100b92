import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditFilterOptions, auditLogPage, auditNames, type AuditFilter } from "../../db/queries/audit-log";
import { requireEditionCommittee } from "~/lib/committee.server";
import { getT } from "~/lib/locale.server";
import { useLocale, useT } from "~/lib/use-t";
import { formatDate, formatNumber } from "~/i18n/format";
import {
  auditActionName,
  auditChangeLines,
  auditSubjectText,
  type AuditLine,
  type AuditNames,
} from "~/i18n/audit-labels";
import { categoryName, stageIdName } from "~/i18n/labels";
import { FormErrorSummary, SelectField, type Choice } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { refusePost } from "~/lib/guards.server";

// The edition's audit log, newest first, 50 rows a page, filtered by entry, user and action
// through a GET form. A filter value that is not valid is reported next to its field (and not
// applied); it never causes an error page.

const id = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().positive());
const fields = {
  entry: { schema: id, message: "committee.audit.invalidEntry" },
  user: { schema: id, message: "committee.audit.invalidUser" },
  action: { schema: z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/i), message: "committee.audit.invalidAction" },
  page: { schema: id.pipe(z.number().max(100_000)), message: "committee.audit.invalidPage" },
} as const satisfies Record<string, { schema: z.ZodType; message: MessageKey }>;

export const action = refusePost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const url = new URL(request.url);
  const errors: Record<string, string> = {};
  const values: Record<string, string> = {};
  const filter: AuditFilter = {};
  for (const [name, f] of Object.entries(fields) as [keyof typeof fields, (typeof fields)[keyof typeof fields]][]) {
    const raw = url.searchParams.get(name);
    if (raw === null || raw.trim() === "") continue;
    values[name] = raw.slice(0, 100);
    const parsed = f.schema.safeParse(raw.trim());
    if (!parsed.success) {
      errors[name] = t(f.message);
      continue;
    }
    if (name === "entry") filter.entryId = parsed.data as number;
    else if (name === "user") filter.userId = parsed.data as number;
    else if (name === "action") filter.action = parsed.data as string;
    else filter.page = parsed.data as number;
  }
  const [log, options, names] = await Promise.all([
    auditLogPage(db, edition.id, filter),
    auditFilterOptions(db, edition.id),
    auditNames(db, edition.id),
  ]);
  // Filters are kept for the page links; the page number is not.
  const kept = new URLSearchParams();
  for (const k of ["entry", "user", "action"] as const) if (values[k] && !errors[k]) kept.set(k, values[k]);
  return { edition: { id: edition.id }, log, options, names, errors, values, kept: kept.toString() };
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const { errors, values, log } = d;
  // Every code in words: actions, subjects, and before/after as "field: old → new" lines.
  const names: AuditNames = {
    ...d.names,
    categories: Object.fromEntries(Object.entries(d.names.categories).map(([id, key]) => [id, categoryName(t, key)])),
    assignments: Object.fromEntries(
      Object.entries(d.names.assignments).map(([id, a]) => [id, `${a.person}, ${stageIdName(t, a.stage)}`]),
    ),
    criteria: Object.fromEntries(
      Object.entries(d.names.criteria).map(([key, n]) => [key, (locale === "en" ? n.en : n.id) || n.id || key]),
    ),
  };
  const pageLink = (page: number) => `?${d.kept ? `${d.kept}&` : ""}page=${page}`;
  const select = (name: "entry" | "user" | "action", label: string, options: Choice[]) => (
    <SelectField
      name={name}
      id={`audit-${name}`}
      label={label}
      defaultValue={errors[name] ? "" : (values[name] ?? "")}
      error={errors[name]}
      placeholder={t("committee.audit.any")}
      options={options}
    />
  );
  return (
    <section className="audit">
      <h1>{t("committee.audit.title")}</h1>
      <FormErrorSummary message={Object.keys(errors).length ? t("common.formErrors") : null} />
      {errors.page ? <p className="error">{errors.page}</p> : null}
      <Form method="get" className="audit__filter" aria-label={t("committee.audit.filter")}>
        {select(
          "entry",
          t("committee.audit.entry"),
          d.options.entries.map((e) => [String(e.id), e.name]),
        )}
        {select(
          "user",
          t("committee.audit.user"),
          d.options.users.map((u) => [String(u.id), `${u.name} (${u.email})`]),
        )}
        {select(
          "action",
          t("committee.audit.action"),
          d.options.actions.map((a) => [a, auditActionName(t, a)]),
        )}
        <div className="audit__buttons">
          <button type="submit" className="primary">
            {t("committee.audit.apply")}
          </button>{" "}
          <Link to={`/committee/${d.edition.id}/audit`}>{t("committee.audit.clear")}</Link>
        </div>
      </Form>
      <p role="status">
        {t("committee.audit.count", {
          total: formatNumber(log.total),
          page: formatNumber(log.page),
          pages: formatNumber(log.pages),
        })}
      </p>
      {log.rows.length === 0 ? (
        <p>{t("committee.audit.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data audit__table">
            <thead>
              <tr>
                <th scope="col">{t("committee.audit.when")}</th>
                <th scope="col">{t("committee.audit.who")}</th>
                <th scope="col">{t("committee.audit.action")}</th>
                <th scope="col">{t("committee.audit.subject")}</th>
                <th scope="col">{t("committee.audit.change")}</th>
                <th scope="col">{t("committee.audit.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.at, locale, true)}</td>
                  <td>{r.userName ?? t("committee.audit.system")}</td>
                  <th scope="row">{auditActionName(t, r.action)}</th>
                  <td>
                    {auditSubjectText(t, r.subject, names)}
                    {r.organisationName ? (
                      <>
                        <br />
                        <span className="muted">{r.organisationName}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="audit__change">
                    <ChangeLines lines={auditChangeLines(t, locale, r, names)} />
                  </td>
                  <td>{r.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.pages > 1 ? (
        <nav aria-label={t("committee.audit.pages")} className="audit__pages">
          {log.page > 1 ? (
            <Link to={pageLink(log.page - 1)} rel="prev">
              {t("committee.audit.previous")}
            </Link>
          ) : null}{" "}
          {log.page < log.pages ? (
            <Link to={pageLink(log.page + 1)} rel="next">
              {t("committee.audit.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** "field: old → new" per line; a value only before or only after stands alone. */
function ChangeLines({ lines }: { lines: AuditLine[] }) {
  if (lines.length === 0) return <>–</>;
  return (
    <ul className="audit__lines">
      {lines.map((l, i) => (
        <li key={i}>
          {l.field}:{" "}
          {l.before === null || l.after === null || l.before === l.after ? (
            (l.after ?? l.before)
          ) : (
            <>
              {l.before} → {l.after}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
