import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConflictForm } from "~/components/assess/ConflictForm";
import { EntryFacts } from "~/components/assess/EntryFacts";
import { EvidenceList } from "~/components/assess/EvidenceList";
import { ProvincialResult } from "~/components/assess/ProvincialResult";
import { Scoresheet } from "~/components/assess/Scoresheet";
import { categoryName, stageName } from "~/i18n/labels";
import { formatDate } from "~/i18n/format";
import { requireAssessorEntry, type AssessorEntry } from "~/lib/assess.server";
import { autosaveGone, declareAction, saveAction } from "~/lib/assess-sheet.server";
import { loadAssessPage } from "~/lib/assess-workspace.server";
import { getT } from "~/lib/locale.server";
import { readForm } from "~/lib/request-body.server";
import { useLocale, useT } from "~/lib/use-t";

// One entry in the assessor's workspace: first the conflict-of-interest declaration; after a
// declaration of no conflict, the evidence per criterion (PDF and images shown in the page), the
// organisation's figures and derived indicators, and the scoring form beside them.
// What is loaded: lib/assess-workspace.server.ts; the forms and their save: lib/assess-sheet.server.ts.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadAssessPage(request, await requireAssessorEntry(request, params.entryId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = await getT(request);
  let access: AssessorEntry;
  try {
    access = await requireAssessorEntry(request, params.entryId);
  } catch (refusal) {
    // A background autosave whose access ended meanwhile (signed out, entry reopened, membership
    // ended) answers with a message rather than replacing the page, so the typed input stays. It
    // says so in its URL: the body of a refused request is never read.
    if (refusal instanceof Response && new URL(request.url).searchParams.get("auto") === "1") return autosaveGone(t);
    throw refusal;
  }
  const form = await readForm(request);
  if (form.get("intent") === "declare") return declareAction(request, access, form, t);
  return saveAction(request, access, form, t);
}

export default function AssessEntry() {
  const loaderData = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { header } = loaderData;
  return (
    <article className="assess-entry">
      <p>
        <Link to="/assess">← {t("assess.entry.back")}</Link>
      </p>
      <h1>{header.organisationName}</h1>
      <p className="muted">
        {categoryName(t, header.category)} · {header.editionName}
        <br />
        {t("assess.entry.region", { region: header.region })}
      </p>
      <p>
        {t("assess.entry.stage", { stage: stageName(t, header.stage) })} ·{" "}
        {t("assess.entry.deadline", { deadline: formatDate(header.deadline, locale, true) })}
      </p>
      {loaderData.phase === "declare" ? (
        <ConflictForm organisation={header.organisationName} />
      ) : (
        <div className="assess-workspace">
          <div className="assess-reading">
            <EvidenceList data={loaderData} />
            {loaderData.provincial ? <ProvincialResult result={loaderData.provincial} /> : null}
            <EntryFacts data={loaderData} />
          </div>
          <Scoresheet data={loaderData} />
        </div>
      )}
    </article>
  );
}
