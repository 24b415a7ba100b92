import type { LoaderFunctionArgs } from "@remix-run/node";
import { entryOrganisations } from "../../db/queries/organisations";
import { currentPublication } from "../../db/queries/publications";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { idParam, notFound, refusePost } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { placeOf, roman } from "~/lib/places";
import { scoreCategory } from "~/lib/scoring-input.server";
import { certificatePdf } from "~/lib/certificate.server";
import { formatDate } from "~/i18n/format";
import { categoryName } from "~/i18n/labels";
import type { ScoringResult } from "../../scoring/index";
import { publicUrl } from "~/lib/config.server";

export const action = refusePost;

// Resource route: the certificate of award of a winner, from the category's published snapshot,
// with the verification URL. Before publication the committee gets a draft preview (marked, no URL).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const entryId = idParam(params.entryId);
  const { t, locale } = await getT(request);
  const publication = await currentPublication(db, category.id);
  let rank: number | null = null;
  if (publication) {
    const result = JSON.parse(publication.result_json) as ScoringResult;
    rank = result.categories[0]?.ranking.find((r) => r.nominee === String(entryId))?.rank ?? null;
  } else {
    const scoring = await scoreCategory(db, category);
    rank = scoring?.result?.categories[0]?.ranking.find((r) => r.nominee === String(entryId))?.rank ?? null;
  }
  if (rank === null) notFound();
  const place = placeOf(rank, category.places, category.mentions);
  if (publication && !place) notFound();
  const org = (await entryOrganisations(db, [entryId])).get(entryId);
  if (!org) notFound();
  const pdf = await certificatePdf({
    title: t("committee.certificate.title"),
    givenTo: t("committee.certificate.givenTo"),
    organisation: org.name,
    region: org.region,
    award:
      place === null
        ? t("committee.certificate.noPlace")
        : place.kind === "place"
          ? t("committee.ranking.place", { rank: roman(place.rank) })
          : t("committee.ranking.mention"),
    category: categoryName(t, category.key),
    edition: edition.name,
    date: formatDate(publication?.published_at ?? new Date().toISOString(), locale),
    verifyLabel: t("committee.certificate.verify"),
    verifyUrl: publication ? publicUrl(`/verify/${publication.sha256}`) : null,
    draftMark: publication ? null : t("committee.certificate.draft"),
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="piagam-${edition.id}-${category.key}-${entryId}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
