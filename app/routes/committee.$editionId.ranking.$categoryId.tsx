import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadRubricDefinition, rubricVersion } from "../../db/queries/rubrics";
import { scoresheetCounts } from "../../db/queries/scoring-data";
import { userNames } from "../../db/queries/users";
import { signOffCategory } from "../../db/queries/publications";
import { entryOrganisations } from "../../db/queries/organisations";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { placeOf, placeText } from "~/lib/places";
import { publishCategory } from "~/lib/publish.server";
import { askRanking } from "~/lib/ranking-service.server";
import { mentionedAssessors, mentionedEntries } from "~/domain/ranking-view";
import { Pagination } from "~/components/Pagination";
import { AgreementFigures } from "~/components/AgreementFigures";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageIdName, stageName, zoneName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import { DistributionChart, RankRangeChart, SeverityChart } from "~/components/CommitteeCharts";
import { FormErrorSummary, SelectField } from "~/components/Field";
import { gateText } from "~/lib/indicators";
import { priorGateText, priorOptionText } from "~/lib/prior-text";
import { PRIOR_GATE } from "~/domain/gates";
import { flagText as resultFlagText, variantText as resultVariantText } from "~/i18n/result-labels";
import type { JudgedCriterionResult } from "../../scoring/index";
import { readForm } from "~/lib/request-body.server";
import { editionStages } from "../../db/queries/editions";
import { isFinal, reachedSoFar, stagesNotClosed } from "~/domain/stages";
import { ConfirmAction } from "~/components/ConfirmAction";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";
import type { StageKey } from "../../db/schema";
import { setZonePlaces } from "../../db/queries/zone-awards";
import { currentZoneAwards } from "~/lib/zone-awards.server";
import { MAX_ZONE_PLACES } from "~/domain/zone-awards";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const { locale } = await getT(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  // The places and mentions are named on every page (the sign-off summary, the certificates).
  const top = category.places + category.mentions;
  const ref = { id: category.id, key: category.key };
  // The ranking is computed once per change of the category's data, off the request thread; the
  // page gets one page of it and summaries (app/lib/ranking-engine.server.ts).
  const [view, publication, counts, stageRows, zones] = await Promise.all([
    askRanking(db, "rankingView", ref, { page, top }),
    askRanking(db, "publishedTop", category.id, top),
    scoresheetCounts(db, category.id),
    editionStages(db, edition.id),
    // The zone awards are read from the current publication, never the live ranking.
    currentZoneAwards(db, category),
  ]);
  const [definition, version] = view.rubricId
    ? await Promise.all([loadRubricDefinition(db, view.rubricId), rubricVersion(db, view.rubricId)])
    : [null, null];
  const critName = new Map(
    (definition?.criteria ?? []).map((c) => [c.id, (locale === "en" ? c.name?.en : c.name?.id) ?? c.id]),
  );
  const entryIds = mentionedEntries(view, publication?.placed ?? []).map(Number);
  const [organisations, names] = await Promise.all([
    entryOrganisations(db, entryIds),
    userNames(db, mentionedAssessors(view).map(Number)),
  ]);
  const missing = Object.entries(
    counts
      .filter((c) => c.status !== "submitted")
      .reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.stage]: (acc[c.stage] ?? 0) + c.n }), {}),
  ).map(([stage, count]) => ({ stage, count }));
  // Stages belong to the edition: until every one is closed the ranking is provisional.
  const stages = stageRows.map((s) => ({ key: s.key, status: s.status }));
  // The sign-off holds while the data it approved has not changed (its version); the snapshot is
  // hashed only when it is signed off or published.
  const signedOffCurrent = Boolean(
    category.signed_off_sha256 && category.signed_off_version === view.version && view.problems.length === 0,
  );
  return {
    edition: { id: edition.id, level: edition.level },
    category,
    zones,
    stages,
    final: isFinal(stages),
    notClosed: stagesNotClosed(stages).map((s) => s.key),
    rubricVersion: version,
    view,
    critName: Object.fromEntries(critName),
    entryName: Object.fromEntries([...organisations].map(([id, o]) => [String(id), o.name])),
    assessorName: Object.fromEntries([...names].map(([k, v]) => [String(k), v])),
    gates: definition?.gates ?? [],
    prior: definition?.prior ?? null,
    missing,
    publication,
    signedOffCurrent,
    /** Whether what is signed off now is also what is published (nothing left to publish). */
    publishedCurrent: signedOffCurrent && publication?.sha256 === category.signed_off_sha256,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, category, viewer } = await requireCategoryCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/committee/${edition.id}/ranking/${category.id}`;
  // Sign-off and publication wait for every stage of the edition to close (also held in
  // signOffCategory and publishCategory, whoever calls them).
  const notClosed = async () =>
    stagesNotClosed(await editionStages(db, edition.id))
      .map((s) => stageName(t, s.key))
      .join(", ");
  const stagesOpen = (key: "committee.signoff.stagesOpen" | "committee.publish.stagesOpen", stages: string) =>
    data({ error: t(key, { stages }), problems: [] }, 409);
  if (intent === "zonePlaces") {
    const zonePlaces = Number(form.get("zonePlaces"));
    const set = await setZonePlaces(db, {
      editionId: edition.id,
      categoryId: category.id,
      zonePlaces,
      userId: viewer.user.id,
    });
    if (!set.ok)
      return data(
        {
          error: t(set.reason === "provincial" ? "committee.zones.nationalOnly" : "committee.zones.range"),
          problems: [],
        },
        400,
      );
    return redirect(here, { headers: await flash(request, t("committee.zones.saved")) });
  }
  if (intent === "signoff") {
    const open = await notClosed();
    if (open) return stagesOpen("committee.signoff.stagesOpen", open);
    // The sign-off approves what the committee saw (the data version of the page): refused when
    // the data changed meanwhile.
    const snapshot = await askRanking(db, "categorySnapshot", { id: category.id, key: category.key });
    if (!snapshot.ok) return data({ error: t("committee.ranking.refused"), problems: snapshot.problems }, 400);
    if (form.get("version") !== String(snapshot.version))
      return data({ error: t("committee.signoff.stale"), problems: [] }, 409);
    if (!isConfirmed(form)) return data({ ...confirmationRequest("signoff"), error: null, problems: [] });
    const signed = await signOffCategory(db, {
      editionId: edition.id,
      categoryId: category.id,
      userId: viewer.user.id,
      sha256: snapshot.sha256,
      dataVersion: snapshot.version,
    });
    if (!signed.ok) return stagesOpen("committee.signoff.stagesOpen", stageNames(t, signed.open));
    return redirect(here, { headers: await flash(request, t("committee.signoff.flash")) });
  }
  if (intent === "publish") {
    const open = await notClosed();
    if (open) return stagesOpen("committee.publish.stagesOpen", open);
    if (!category.signed_off_sha256) return data({ error: t("committee.publish.needSignoff"), problems: [] }, 409);
    if (!isConfirmed(form)) return data({ ...confirmationRequest("publish"), error: null, problems: [] });
    const published = await publishCategory(db, { editionId: edition.id, category, userId: viewer.user.id });
    if (published.ok)
      return redirect(here, {
        headers: await flash(request, t("committee.publish.flash", { hash: published.sha256.slice(0, 16) })),
      });
    if (published.reason === "invalid")
      return data({ error: t("committee.ranking.refused"), problems: published.problems }, 400);
    if (published.reason === "stages_open")
      return stagesOpen("committee.publish.stagesOpen", stageNames(t, published.open));
    return data(
      {
        error: t(published.reason === "not_signed_off" ? "committee.publish.needSignoff" : "committee.publish.changed"),
        problems: [],
      },
      409,
    );
  }
  return data({ error: t("committee.action.unknown"), problems: [] }, 400);
}

/** Stage names in words, in order ("Seleksi Berkas, Wawancara"). */
function stageNames(t: Parameters<typeof stageName>[0], keys: StageKey[]): string {
  return keys.map((k) => stageName(t, k)).join(", ");
}

function isJudged(v: object): v is JudgedCriterionResult {
  return "panel" in v;
}

export default function Ranking() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { category, view } = d;
  const ranked = view.total > 0;
  const base = `/committee/${d.edition.id}`;
  const nameOf = (id: string) => d.entryName[id] ?? id;
  // Flags and sensitivity variants in words (app/i18n/result-labels.ts, shared with the exports).
  const resultNames = {
    criterion: (id: string) => d.critName[id] ?? id,
    assessor: (id: string) => d.assessorName[id] ?? id,
  };
  const flagText = (flag: string) => resultFlagText(t, flag, resultNames);
  const variantText = (variant: string) => resultVariantText(t, variant, resultNames);
  const gateName = (id: string) => {
    const gate = d.gates.find((g) => g.id === id);
    if (gate) return gateText(t, gate);
    // "prior" after the rubric's gates: the provincial total below the national rubric's minimum.
    return id === PRIOR_GATE && d.prior?.minScore !== undefined ? priorGateText(t, d.prior.minScore) : id;
  };
  const placeLabel = (rank: number) => {
    const p = placeOf(rank, category.places, category.mentions);
    return p === null ? null : placeText(t, p);
  };
  // The live ranking awards places only once it is final (every stage closed); before that it is a
  // provisional standing, and each nominee's last stage is only as far as the stages have run.
  const livePlace = (rank: number) => (d.final ? placeLabel(rank) : null);
  const reachedText = (reached: string) => {
    const stage = reachedSoFar(reached, view.stageIds, d.stages);
    return stage === null ? t("committee.ranking.notReached") : stageIdName(t, stage);
  };
  const stageRan = (id: string) => d.stages.find((s) => s.key === id)?.status !== "pending";
  const notClosedNames = d.notClosed.map((k) => stageName(t, k)).join(", ");
  const confirming = actionData && "confirm" in actionData ? actionData.confirm : null;
  const winners = view.top.flatMap((r) => {
    const place = placeLabel(r.rank);
    return place ? [{ nominee: r.nominee, place, total: r.total }] : [];
  });
  const winnerList = (
    <ul>
      {winners.length === 0 ? <li>{t("committee.signoff.noWinners")}</li> : null}
      {winners.map((w) => (
        <li key={w.nominee}>
          {t("committee.signoff.winner", { place: w.place, name: nameOf(w.nominee), total: formatNumber(w.total, 2) })}
        </li>
      ))}
    </ul>
  );
  const pagination = (
    <Pagination
      page={view.page}
      pages={view.pages}
      link={(page) => `?page=${page}`}
      label={t("committee.ranking.pages")}
    />
  );
  return (
    <section>
      <h1>{t("committee.ranking.title", { category: categoryName(t, category.key) })}</h1>
      {d.rubricVersion ? (
        <p className="muted">{t("committee.ranking.rubricVersion", { version: d.rubricVersion })}</p>
      ) : null}
      <FormErrorSummary message={actionData?.error} />
      {view.problems.length > 0 ? (
        <div className="alert alert--error">
          <p>{t("committee.ranking.refused")}</p>
          <ul>
            {view.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.missing.map((m) => (
        <p key={m.stage} className="alert alert--warn" role="note">
          {t("committee.ranking.missingSheets", { count: formatNumber(m.count), stage: stageIdName(t, m.stage) })}
        </p>
      ))}
      {view.stale ? (
        <p className="alert alert--info" role="status">
          {t("committee.ranking.stale")}
        </p>
      ) : null}
      {!d.final && ranked ? (
        <p className="alert alert--info" role="note">
          {t("committee.ranking.provisional", { stages: notClosedNames })}
        </p>
      ) : null}
      {!ranked ? (
        <p>{t("committee.ranking.empty")}</p>
      ) : (
        <>
          <p className="muted">
            {t("committee.ranking.shown", {
              from: formatNumber((view.page - 1) * view.pageSize + 1),
              to: formatNumber((view.page - 1) * view.pageSize + view.rows.length),
              total: formatNumber(view.total),
            })}
          </p>
          {pagination}
          <div className="table-wrap">
            <table className="data ranking">
              <caption className="visually-hidden">{t("committee.overview.ranking")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("committee.ranking.rank")}
                  </th>
                  <th scope="col">{t("common.organisation")}</th>
                  <th scope="col" className="num">
                    {t("committee.ranking.total")}
                  </th>
                  {view.stageIds.map((s) => (
                    <th key={s} scope="col" className="num">
                      {stageIdName(t, s)}
                    </th>
                  ))}
                  <th scope="col">{t("committee.ranking.reached")}</th>
                  <th scope="col">{t("committee.ranking.rankRange")}</th>
                  <th scope="col">{t("committee.ranking.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.nominee}>
                    <td className="num">{r.rank}</td>
                    <th scope="row">
                      {nameOf(r.nominee)}
                      {livePlace(r.rank) ? (
                        <>
                          {" "}
                          <span className="badge badge--good">{livePlace(r.rank)}</span>
                        </>
                      ) : null}
                    </th>
                    <td className="num">{formatNumber(r.total, 2)}</td>
                    {view.stageIds.map((s) => (
                      <td key={s} className="num">
                        {stageRan(s) ? formatNumber(r.stages[s], 2) : "–"}
                      </td>
                    ))}
                    <td>{reachedText(r.reached)}</td>
                    <td>{r.rankRange ? `${r.rankRange[0]}–${r.rankRange[1]}` : "–"}</td>
                    <td>
                      {r.flags.length ? (
                        <ul className="flags">
                          {r.flags.map((f) => (
                            <li key={f} title={f}>
                              {flagText(f)}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.prior ? (
            <p className="muted" data-testid="ranking-prior">
              {priorOptionText(t, d.prior).join(" ")}
            </p>
          ) : null}

          {pagination}

          <h2>{t("committee.ranking.scorecard")}</h2>
          {view.rows.map((r) => (
            <details key={r.nominee} className="scorecard">
              <summary>
                {r.rank}. {nameOf(r.nominee)} — {formatNumber(r.total, 2)}
              </summary>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("committee.ranking.criterion")}</th>
                    <th scope="col" className="num">
                      {t("committee.ranking.value")}
                    </th>
                    <th scope="col" className="num">
                      {t("committee.ranking.panel")}
                    </th>
                    <th scope="col" className="num">
                      {t("committee.ranking.sd")}
                    </th>
                    <th scope="col" className="num">
                      {t("committee.ranking.indicator")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(r.criteria).map(([k, v]) => (
                    <tr key={k}>
                      <th scope="row">{d.critName[k] ?? k}</th>
                      <td className="num">{formatNumber(v.value, 2)}</td>
                      <td className="num">{isJudged(v) ? v.panel : "–"}</td>
                      <td className="num">{isJudged(v) ? formatNumber(v.sd, 2) : "–"}</td>
                      <td className="num">{!isJudged(v) ? formatNumber(v.indicator, 0, 2) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}

          {view.ineligibleTotal > 0 ? (
            <>
              <h2>{t("committee.ranking.ineligible")}</h2>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("common.organisation")}</th>
                    <th scope="col">{t("committee.ranking.failed")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.ineligible.map((x) => (
                    <tr key={x.nominee}>
                      <th scope="row">{nameOf(x.nominee)}</th>
                      <td>{x.failed.map(gateName).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {view.ineligibleTotal > view.ineligible.length ? (
                <p className="muted">
                  {t("committee.ranking.ineligibleMore", {
                    shown: formatNumber(view.ineligible.length),
                    total: formatNumber(view.ineligibleTotal),
                  })}
                </p>
              ) : null}
            </>
          ) : null}

          <h2>{t("committee.ranking.agreement")}</h2>
          {Object.entries(view.agreement).map(([s, a], i, all) => (
            <section key={s} className="agreement-stage">
              <h3>{stageIdName(t, s)}</h3>
              <AgreementFigures agreement={a} note={i === all.length - 1} />
            </section>
          ))}
          {view.flags.length ? (
            <p>
              {t("committee.ranking.categoryFlags")}:{" "}
              {view.flags.map((f) => (
                <span key={f} title={f}>
                  {flagText(f)};{" "}
                </span>
              ))}
            </p>
          ) : null}

          <h2>{t("committee.ranking.sensitivity")}</h2>
          {!view.sensitivity ? (
            <p>{t("committee.ranking.noSensitivity")}</p>
          ) : view.sensitivity.winnerStable ? (
            <p className="alert alert--info">{t("committee.ranking.stable")}</p>
          ) : (
            <>
              <p className="alert alert--warn">{t("committee.ranking.unstable")}</p>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("committee.ranking.variant")}</th>
                    <th scope="col">{t("committee.ranking.winnersOf")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.sensitivity.changes.map((c) => (
                    <tr key={c.variant}>
                      <th scope="row" title={c.variant}>
                        {variantText(c.variant)}
                      </th>
                      <td>{c.winners.map(nameOf).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          <h2>{t("committee.ranking.charts")}</h2>
          <DistributionChart
            title={t("committee.ranking.distribution")}
            rows={view.distribution.map((x) => ({ ...x, label: d.critName[x.criterion] ?? x.criterion }))}
            labels={{
              min: t("committee.ranking.min"),
              max: t("committee.ranking.max"),
              count: t("committee.ranking.count"),
            }}
          />
          <SeverityChart
            title={t("committee.ranking.severity")}
            rows={view.severity.map((x) => ({ ...x, label: resultNames.assessor(x.assessor) }))}
            labels={{ diff: t("committee.ranking.diff"), count: t("committee.ranking.count") }}
          />
          {view.rows.some((r) => r.rankRange) ? (
            <RankRangeChart
              title={t("committee.ranking.rankRanges")}
              max={view.total}
              rows={view.rows.map((r) => ({
                label: nameOf(r.nominee),
                rank: r.rank,
                best: r.rankRange?.[0] ?? r.rank,
                worst: r.rankRange?.[1] ?? r.rank,
              }))}
              labels={{
                rank: t("committee.ranking.rank"),
                best: t("committee.ranking.best"),
                worst: t("committee.ranking.worst"),
              }}
            />
          ) : null}

          <h2>{t("committee.ranking.exports")}</h2>
          <ul>
            <li>
              <a href={`${base}/export/${category.id}?format=xlsx`} download>
                {t("committee.ranking.xlsx")}
              </a>
            </li>
            <li>
              <a href={`${base}/export/${category.id}?format=csv&kind=ranking`} download>
                {t("committee.ranking.csvRanking")}
              </a>
            </li>
            <li>
              <a href={`${base}/export/${category.id}?format=csv&kind=matrix`} download>
                {t("committee.ranking.csvMatrix")}
              </a>
            </li>
          </ul>
        </>
      )}

      {d.edition.level === "national" ? (
        <section aria-labelledby="zone-awards">
          <h2 id="zone-awards">{t("winners.zones")}</h2>
          <p className="muted">{t("committee.zones.intro")}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="zonePlaces" />
            <SelectField
              name="zonePlaces"
              label={t("committee.zones.places")}
              defaultValue={String(category.zone_places)}
              options={Array.from({ length: MAX_ZONE_PLACES + 1 }, (_, n) => [
                String(n),
                n === 0 ? t("committee.zones.none") : formatNumber(n),
              ])}
            />
            <button type="submit">{t("common.save")}</button>
          </Form>
          {category.zone_places > 0 && !d.zones ? <p>{t("committee.zones.unpublished")}</p> : null}
          {d.zones?.zones.map((z) => (
            <section key={z.zone} aria-label={zoneName(t, z.zone)}>
              <h3>{t("winners.zoneBest", { category: categoryName(t, category.key), zone: zoneName(t, z.zone) })}</h3>
              <ol className="winners">
                {z.winners.map((w) => (
                  <li key={w.nominee}>
                    <strong>{t("winners.zonePlace", { place: formatNumber(w.place) })}</strong> {w.name}{" "}
                    <span className="muted">({w.region})</span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          {d.zones && d.zones.unplaced > 0 ? (
            <p className="alert alert--warn" role="note">
              {t("winners.zoneUnplaced", { count: formatNumber(d.zones.unplaced) })}
            </p>
          ) : null}
        </section>
      ) : null}

      <h2>{t("committee.signoff.title")}</h2>
      {d.publication ? (
        <p>
          {t("committee.publish.last", {
            at: formatDate(d.publication.publishedAt, locale, true),
            hash: d.publication.sha256.slice(0, 16),
          })}{" "}
          <Link to={`/verify/${d.publication.sha256}`}>/verify/{d.publication.sha256.slice(0, 16)}…</Link>
        </p>
      ) : null}
      {d.publication ? (
        <ul>
          {d.publication.placed
            .filter((r) => placeLabel(r.rank))
            .map((r) => (
              <li key={r.nominee}>
                <a href={`${base}/certificate/${category.id}/${r.nominee}`} download>
                  {t("committee.ranking.certificate")}: {nameOf(r.nominee)} ({placeLabel(r.rank)})
                </a>
              </li>
            ))}
        </ul>
      ) : null}
      {category.signed_off_at && d.signedOffCurrent ? (
        <p>{t("committee.signoff.done", { at: formatDate(category.signed_off_at, locale, true) })}</p>
      ) : null}
      {category.signed_off_at && !d.signedOffCurrent ? (
        <p className="alert alert--warn">
          {t("committee.signoff.outdated", { at: formatDate(category.signed_off_at, locale, true) })}
        </p>
      ) : null}
      {!d.final ? (
        <p className="alert alert--info" role="note">
          {t("committee.signoff.waiting", { stages: notClosedNames })}
        </p>
      ) : null}
      {d.final && !d.signedOffCurrent && view.rubricId !== null && view.problems.length === 0 ? (
        <ConfirmAction
          intent="signoff"
          label={t("committee.signoff.button")}
          title={t("committee.signoff.confirmTitle", { category: categoryName(t, category.key) })}
          summary={
            <>
              <p>{t("committee.signoff.confirmSummary")}</p>
              {winnerList}
            </>
          }
          confirmLabel={t("committee.signoff.confirm")}
          cancelLabel={t("common.cancel")}
          fields={{ version: String(view.version) }}
          requested={confirming === "signoff"}
        />
      ) : null}
      {d.final && d.signedOffCurrent && !d.publishedCurrent ? (
        <>
          <p>{t("committee.publish.warning")}</p>
          <ConfirmAction
            intent="publish"
            label={t("committee.publish.button")}
            title={t("committee.publish.confirmTitle", { category: categoryName(t, category.key) })}
            summary={
              <>
                <p>{t("committee.publish.confirmSummary")}</p>
                {winnerList}
              </>
            }
            confirmLabel={t("committee.publish.confirm")}
            cancelLabel={t("common.cancel")}
            requested={confirming === "publish"}
            className="primary"
          />
        </>
      ) : null}
    </section>
  );
}
