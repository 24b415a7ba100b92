import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { entryOrganisations } from "../../db/queries/organisations";
import { currentPublication } from "../../db/queries/publications";
import { editionSignatories } from "../../db/queries/signatories";
import type { Locale, T } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { categoryName } from "~/i18n/labels";
import { certificatePdf } from "./certificate.server";
import { publicUrl } from "./config.server";
import { placeOf, placeText } from "./places";
import { askRanking } from "./ranking-service.server";

// The certificate of award of one entry, as a PDF response: for the committee (which may also
// preview it before publication, marked as a draft) and for the winning organisation itself.
// Callers guard who may ask; this decides what there is to give.

type CategoryRow = Pick<Category, "id" | "key" | "places" | "mentions">;

/**
 * The certificate of `entryId` in `category`, or null when there is none to give: not ranked, or
 * not placed in the current publication. Without a publication there is one only when `preview`
 * (the committee's draft, from the live scores, marked and without verification URL).
 */
export async function winnerCertificate(
  db: Db,
  args: {
    edition: { id: number; name: string };
    category: CategoryRow;
    entryId: number;
    preview: boolean;
    t: T;
    locale: Locale;
  },
): Promise<Response | null> {
  const { edition, category, entryId, t, locale } = args;
  const publication = await currentPublication(db, category.id);
  if (!publication && !args.preview) return null;
  const ref = { id: category.id, key: category.key };
  const rank = publication
    ? await askRanking(db, "publishedRank", category.id, entryId)
    : await askRanking(db, "liveRank", ref, entryId);
  if (rank === null) return null;
  const place = placeOf(rank, category.places, category.mentions);
  if (publication && !place) return null;
  const org = (await entryOrganisations(db, [entryId])).get(entryId);
  if (!org) return null;
  const pdf = await certificatePdf({
    title: t("committee.certificate.title"),
    givenTo: t("committee.certificate.givenTo"),
    organisation: org.name,
    region: org.region,
    award: place === null ? t("committee.certificate.noPlace") : placeText(t, place),
    category: categoryName(t, category.key),
    edition: edition.name,
    date: formatDate(publication?.published_at ?? new Date().toISOString(), locale),
    signatories: await editionSignatories(db, edition.id),
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
