import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  addEvidence,
  carriedEvidence,
  deleteEvidence,
  EntryLockedError,
  listEvidence,
  replaceEvidence,
} from "../../db/queries/evidence";
import { evidenceCriteria, entryEvidenceWindow, entryWindow, portalEntry } from "../../db/queries/figures";
import { withCarriedStanding } from "~/domain/carried-evidence";
import { FormErrorSummary } from "~/components/Field";
import { PortalEntryNav } from "~/components/PortalEntryNav";
import { formatDate, formatFileSize, formatNumber } from "~/i18n/format";
import { config } from "~/lib/config.server";
import { getT } from "~/lib/locale.server";
import { requireOwnEntry } from "~/lib/portal.server";
import { evidenceUploader, refusalMessage, removeStoredFile } from "~/lib/uploads.server";
import { useLocale, useT } from "~/lib/use-t";
import { missedSubmission } from "~/domain/submission";
import { readForm } from "~/lib/request-body.server";

// Evidence per criterion: several files each (PDF, JPEG, PNG, XLSX, DOCX, at most
// config.uploadMaxBytes), checked by their bytes; replace and delete while the entry is a draft.
// A nominated national entry also lists the files carried over from its provincial entry, read-only
// (superseded in display by a national upload for the same criterion), and takes national files
// while its evidence window is open (app/domain/submission.ts evidenceWindow).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [{ criteria }, files, carried] = await Promise.all([
    evidenceCriteria(db, entry.category_id),
    listEvidence(db, entry.id),
    carriedEvidence(db, entry.id),
  ]);
  const submission = entryWindow(entry);
  const own = files.map((f) => ({ criterionKey: f.criterion_key }));
  return {
    entry: { id: entry.id, organisation_name: entry.organisation_name, edition_name: entry.edition_name },
    editable: entryEvidenceWindow(entry).open,
    carriedOver: entry.source_entry_id !== null,
    // Why a draft can no longer be changed (the window closed before it was submitted).
    missed: missedSubmission(entry.status, submission),
    maxMb: config.uploadMaxBytes / (1024 * 1024),
    // Criteria that need evidence first, then the others, each in rubric order.
    criteria: [...criteria]
      .sort((a, b) => Number(Boolean(b.evidenceRequired)) - Number(Boolean(a.evidenceRequired)))
      .map((c) => ({
        key: c.id,
        name: c.name ?? { id: c.id, en: c.id },
        description: c.description ?? null,
        required: Boolean(c.evidenceRequired),
      })),
    files: files.map((f) => ({
      id: f.id,
      criterion: f.criterion_key,
      name: f.original_name,
      size: f.size,
      mime: f.mime,
      uploadedAt: f.uploaded_at,
    })),
    carried: withCarriedStanding(
      carried.map((f) => ({ ...f, criterionKey: f.criterion_key })),
      criteria.map((c) => c.id),
      own,
    ).map((f) => ({
      id: f.id,
      criterion: f.criterionKey,
      name: f.original_name,
      size: f.size,
      edition: f.source_edition_name,
      standing: f.standing,
    })),
  };
}

type Outcome = { name: string; ok: boolean; text: string };
type ActionData = { message?: string; outcomes: Outcome[]; criterion?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { entry, db, viewer } = await requireOwnEntry(request, params.entryId);
  const { t, locale } = await getT(request);
  const maxMb = config.uploadMaxBytes / (1024 * 1024);
  if (!entryEvidenceWindow(entry).open)
    return data<ActionData>({ message: t("portal.evidence.locked"), outcomes: [] }, 409);
  const { criteria } = await evidenceCriteria(db, entry.category_id);
  const keys = new Set(criteria.map((c) => c.id));

  const multipart = (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const uploader = evidenceUploader({ dir: config.uploadDir, maxBytes: config.uploadMaxBytes });
  let form: FormData;
  // Uploads have their own streaming reader; anything else is read (or refused) as every form is.
  if (!multipart) form = await readForm(request);
  else
    try {
      form = await uploader.parse(request);
    } catch {
      return data<ActionData>(
        { message: t("portal.evidence.refusedRequest", { max: formatNumber(maxMb, 0, 1) }), outcomes: [] },
        400,
      );
    }
  // The upload may have taken a while: the entry must still be editable before anything is stored.
  const fresh = await portalEntry(db, entry.id);
  if (!fresh || !entryEvidenceWindow(fresh).open) {
    await uploader.discard();
    return data<ActionData>({ message: t("portal.evidence.locked"), outcomes: [] }, 409);
  }
  const intent = form.get("intent");
  const criterion = String(form.get("criterion") ?? "");
  const outcomes: Outcome[] = uploader.files.map((f) => ({
    name: f.name,
    ok: f.ok,
    text: f.ok ? t("portal.evidence.uploaded") : refusalMessage(t, f.reason, maxMb),
  }));
  const accepted = uploader.files.filter((f) => f.ok);
  const base = { editionId: entry.edition_id, entryId: entry.id, userId: viewer.user.id };

  try {
    if (intent === "upload") {
      if (!keys.has(criterion)) {
        await uploader.discard();
        return data<ActionData>({ message: t("form.invalid"), outcomes: [] }, 400);
      }
      if (uploader.files.length === 0)
        return data<ActionData>({ message: t("portal.evidence.chooseFile"), outcomes: [], criterion }, 400);
      await addEvidence(db, {
        ...base,
        files: accepted.map((f) => ({
          criterionKey: criterion,
          originalName: f.name,
          storageName: f.storageName!,
          mime: f.mime!,
          size: f.size!,
          sha256: f.sha256!,
        })),
      });
      // "Berkas ditolak" when nothing was stored, "Sebagian…" when some was; each reason is listed
      // in the criterion's section, which the message names.
      const refused = outcomes.filter((o) => !o.ok).length;
      const c = criteria.find((x) => x.id === criterion);
      const where = { criterion: (locale === "en" ? c?.name?.en : c?.name?.id) ?? criterion };
      const message =
        refused === 0
          ? undefined
          : t(refused === outcomes.length ? "portal.evidence.allRefused" : "portal.evidence.someRefused", where);
      return data<ActionData>({ message, outcomes, criterion }, accepted.length ? 200 : 400);
    }
    if (intent === "replace" || intent === "delete") {
      const fileId = Number(form.get("fileId"));
      // The section the form was in, so that the outcome is shown next to it (display only).
      const section = keys.has(criterion) ? criterion : undefined;
      if (!Number.isSafeInteger(fileId) || fileId <= 0) {
        await uploader.discard();
        return data<ActionData>({ message: t("form.invalid"), outcomes: [] }, 400);
      }
      // A file carried over from the provincial entry is never changed through the national one
      // (the queries only touch the entry's own rows; this says why instead of "not found").
      if ((await carriedEvidence(db, entry.id)).some((f) => f.id === fileId)) {
        await uploader.discard();
        return data<ActionData>(
          { message: t("portal.evidence.carriedReadOnly"), outcomes: [], criterion: section },
          403,
        );
      }
      if (intent === "delete") {
        await uploader.discard();
        const old = await deleteEvidence(db, { ...base, fileId });
        if (!old) return data<ActionData>({ message: t("portal.evidence.notFound"), outcomes: [] }, 404);
        await removeStoredFile(config.uploadDir, old);
        return data<ActionData>({
          message: undefined,
          outcomes: [{ name: String(form.get("name") ?? ""), ok: true, text: t("portal.evidence.deleted") }],
          criterion: section,
        });
      }
      const [f] = accepted;
      if (f === undefined || accepted.length !== 1 || uploader.files.length !== 1) {
        await uploader.discard();
        return data<ActionData>(
          {
            message:
              uploader.files.length === 0 ? t("portal.evidence.chooseFile") : t("portal.evidence.replaceRefused"),
            outcomes: outcomes.filter((o) => !o.ok),
            criterion: section,
          },
          400,
        );
      }
      const old = await replaceEvidence(db, {
        ...base,
        fileId,
        file: { originalName: f.name, storageName: f.storageName!, mime: f.mime!, size: f.size!, sha256: f.sha256! },
      });
      if (!old) {
        await uploader.discard();
        return data<ActionData>({ message: t("portal.evidence.notFound"), outcomes: [] }, 404);
      }
      await removeStoredFile(config.uploadDir, old);
      return data<ActionData>({
        outcomes: [{ name: f.name, ok: true, text: t("portal.evidence.replaced") }],
        criterion: section,
      });
    }
  } catch (error) {
    await uploader.discard();
    if (error instanceof EntryLockedError)
      return data<ActionData>({ message: t("portal.evidence.locked"), outcomes: [] }, 409);
    throw error;
  }
  await uploader.discard();
  return data<ActionData>({ message: t("form.invalid"), outcomes: [] }, 400);
}

export default function Evidence() {
  const t = useT();
  const locale = useLocale();
  const { entry, editable, carriedOver, missed, maxMb, criteria, files, carried } = useLoaderData<typeof loader>();
  const otherCarried = carried.filter((f) => f.standing === "other");
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const accept = ".pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png";
  return (
    <section className="portal">
      <h1>{t("portal.evidence.title")}</h1>
      <p>
        {entry.organisation_name} · {entry.edition_name}
      </p>
      <PortalEntryNav entryId={entry.id} />
      <p>{t("portal.evidence.intro", { max: formatNumber(maxMb, 0, 1) })}</p>
      {carriedOver ? <p className="alert alert--info">{t("portal.evidence.carriedIntro")}</p> : null}
      {!editable ? (
        <p className="alert alert--warn" role="status">
          {t("portal.evidence.readOnly")}
          {missed ? <> {t(`portal.closed.${missed}`)}</> : null}
        </p>
      ) : null}
      <FormErrorSummary message={action?.message} />
      {action && !criteria.some((c) => c.key === action.criterion) ? <Outcomes outcomes={action.outcomes} /> : null}

      {criteria.map((c) => {
        const mine = files.filter((f) => f.criterion === c.key);
        const carriedHere = carried.filter((f) => f.criterion === c.key);
        const headingId = `crit-${c.key}`;
        return (
          <section key={c.key} className="portal-criterion card" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {locale === "en" ? c.name.en : c.name.id}{" "}
              {c.required ? (
                <span className={`badge ${mine.length + carriedHere.length ? "badge--good" : "badge--warn"}`}>
                  {t("portal.evidence.required")}
                </span>
              ) : null}
            </h2>
            {c.description ? <p className="hint">{locale === "en" ? c.description.en : c.description.id}</p> : null}
            {action?.criterion === c.key ? <Outcomes outcomes={action.outcomes} /> : null}
            {carriedHere.length ? <CarriedFiles files={carriedHere} /> : null}
            {mine.length === 0 ? (
              carriedHere.length ? null : (
                <p className="muted">{t("portal.evidence.noFiles")}</p>
              )
            ) : (
              <ul className="portal-files">
                {mine.map((f) => (
                  <li key={f.id}>
                    <a href={`/evidence/${f.id}`} target="_blank" rel="noreferrer">
                      {f.name}
                    </a>{" "}
                    <span className="muted">
                      · {formatFileSize(f.size)} ·{" "}
                      {formatDate(
                        f.uploadedAt.includes("T") ? f.uploadedAt : `${f.uploadedAt.replace(" ", "T")}Z`,
                        locale,
                        true,
                      )}
                    </span>
                    {editable ? (
                      <div className="portal-file-actions">
                        <Form method="post" encType="multipart/form-data" className="inline-form">
                          <input type="hidden" name="intent" value="replace" />
                          <input type="hidden" name="criterion" value={c.key} />
                          <input type="hidden" name="fileId" value={f.id} />
                          <label htmlFor={`replace-${f.id}`} className="visually-hidden">
                            {t("portal.evidence.replaceLabel", { name: f.name })}
                          </label>
                          <input id={`replace-${f.id}`} type="file" name="file" accept={accept} required />
                          <button type="submit" disabled={busy}>
                            {t("portal.evidence.replace")}
                          </button>
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="criterion" value={c.key} />
                          <input type="hidden" name="fileId" value={f.id} />
                          <input type="hidden" name="name" value={f.name} />
                          <button
                            type="submit"
                            className="danger"
                            disabled={busy}
                            aria-label={t("portal.evidence.deleteLabel", { name: f.name })}
                          >
                            {t("portal.evidence.delete")}
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {editable ? (
              <Form method="post" encType="multipart/form-data" className="portal-upload">
                <input type="hidden" name="intent" value="upload" />
                <input type="hidden" name="criterion" value={c.key} />
                <label htmlFor={`upload-${c.key}`}>
                  {t("portal.evidence.chooseLabel", { criterion: locale === "en" ? c.name.en : c.name.id })}
                </label>
                <input id={`upload-${c.key}`} type="file" name="file" multiple accept={accept} />
                <button type="submit" disabled={busy}>
                  {t("portal.evidence.upload")}
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
      {otherCarried.length ? (
        <section className="portal-criterion card" aria-labelledby="crit-carried-other">
          <h2 id="crit-carried-other">{t("portal.evidence.carriedOther")}</h2>
          <CarriedFiles files={otherCarried} />
        </section>
      ) : null}
    </section>
  );
}

/**
 * Files carried over from the provincial entry: read-only (no replace or delete is ever offered),
 * labelled with the provincial edition, and marked when a national upload supersedes them.
 */
function CarriedFiles({
  files,
}: {
  files: { id: number; name: string; size: number; edition: string; standing: string }[];
}) {
  const t = useT();
  return (
    <ul className="portal-files portal-files--carried" aria-label={t("portal.evidence.carriedFiles")}>
      {files.map((f) => (
        <li key={f.id}>
          {f.standing === "superseded" ? (
            <del>
              <a href={`/evidence/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </del>
          ) : (
            <a href={`/evidence/${f.id}`} target="_blank" rel="noreferrer">
              {f.name}
            </a>
          )}{" "}
          <span className="muted">
            · {formatFileSize(f.size)} · {t("portal.evidence.carriedFrom", { edition: f.edition })}
          </span>
          {f.standing === "superseded" ? (
            <span className="badge badge--warn">{t("portal.evidence.superseded")}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What became of each file of the last request, with the reason of every refusal. */
function Outcomes({ outcomes }: { outcomes: Outcome[] }) {
  const t = useT();
  if (!outcomes.length) return null;
  return (
    // A live region around the list (role="status" on the <ul> itself would hide its list items).
    <div role="status">
      <ul className="portal-outcomes" aria-label={t("portal.evidence.outcomes")}>
        {outcomes.map((o, i) => (
          <li key={i} className={o.ok ? "ok" : "error"}>
            <strong>{o.name}</strong>: {o.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
