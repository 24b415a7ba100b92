import type { Db } from "../../db/client";
import { editionCategories } from "../../db/queries/editions";
import { entryOrganisations } from "../../db/queries/organisations";
import { currentPublications, publicationByHash } from "../../db/queries/publications";
import { placeOf } from "./places";
import { askRanking } from "./ranking-service.server";
import { publishedZoneAwards } from "./zone-awards.server";

// What the public pages show of a publication: the places of its stored result with the
// organisations' names (live, see ADR 0004). Which publication is current comes from
// db/queries/publications only.

/** The placed nominees of a publication (Juara I.., special mentions), with their organisation. */
async function placedWinners(db: Db, publicationId: number, places: number, mentions: number) {
  // The stored result is parsed once per publication, by the ranking worker (megabytes at national scale).
  const ranked = await askRanking(db, "publicationPlaces", publicationId, places + mentions);
  const winners = ranked.flatMap((r) => {
    const place = placeOf(r.rank, places, mentions);
    return place ? [{ nominee: Number(r.nominee), place }] : [];
  });
  const orgs = await entryOrganisations(
    db,
    winners.map((w) => w.nominee),
  );
  return winners.map((w) => ({
    ...w,
    name: orgs.get(w.nominee)?.name ?? "",
    region: orgs.get(w.nominee)?.region ?? "",
  }));
}

/** The winners page of an edition: each published category's current result, in the edition's category order. */
export async function editionWinners(db: Db, editionId: number) {
  const [categories, publications] = await Promise.all([
    editionCategories(db, editionId),
    currentPublications(db, editionId),
  ]);
  const position = new Map(categories.map((c, i) => [c.id, i]));
  const zonePlaces = new Map(categories.map((c) => [c.id, c.zone_places]));
  const ordered = [...publications].sort(
    (a, b) => (position.get(a.category_id) ?? Infinity) - (position.get(b.category_id) ?? Infinity),
  );
  return Promise.all(
    ordered.map(async (p) => ({
      category: p.category,
      sha256: p.sha256,
      publishedAt: p.published_at,
      winners: await placedWinners(db, p.id, p.places, p.mentions),
      // The zone awards (a national category's best per zone), from the same publication.
      zones: await publishedZoneAwards(db, {
        publicationId: p.id,
        categoryId: p.category_id,
        zonePlaces: zonePlaces.get(p.category_id) ?? 0,
      }),
    })),
  );
}

/**
 * The verification of a certificate's code: the publication it names, checked anew (the stored
 * input and result still hash to the code, and scoring the stored input again gives the stored
 * result byte for byte), whether it still stands and, if not, when it was replaced.
 */
export async function verification(db: Db, hash: string) {
  const p = await publicationByHash(db, hash);
  if (!p) return null;
  return {
    editionId: p.edition_id,
    edition: p.edition_name,
    category: p.category,
    publishedAt: p.published_at,
    intact: await askRanking(db, "publicationIntact", p.id),
    current: p.current,
    replacedAt: p.replacedAt,
    winners: await placedWinners(db, p.id, p.places, p.mentions),
  };
}
