import type { Db } from "../../db/client";
import { entryOrganisations } from "../../db/queries/organisations";
import { currentPublication } from "../../db/queries/publications";
import { categoryEntryRegions } from "../../db/queries/zone-awards";
import { zoneAwards } from "~/domain/zone-awards";
import { askRanking } from "./ranking-service.server";

// A category's zone awards as the pages show them: read from a publication's stored ranking
// (never the live one), grouped by app/domain/zone-awards.ts, with the organisations' names.

/** The zone awards of a publication of the category; null when the category gives none. */
export async function publishedZoneAwards(
  db: Db,
  p: { publicationId: number; categoryId: number; zonePlaces: number },
) {
  if (p.zonePlaces < 1) return null;
  const [ranked, regions] = await Promise.all([
    // Every ranked nominee of the publication (its places filter, with no limit).
    askRanking(db, "publicationPlaces", p.publicationId, Number.MAX_SAFE_INTEGER),
    categoryEntryRegions(db, p.categoryId),
  ]);
  const awards = zoneAwards(
    ranked.map((r) => ({ ...r, region: regions.get(r.nominee) ?? "" })),
    p.zonePlaces,
  );
  const names = await entryOrganisations(
    db,
    awards.zones.flatMap((z) => z.winners.map((w) => Number(w.nominee))),
  );
  return {
    unplaced: awards.unplaced,
    zones: awards.zones.map((z) => ({
      zone: z.zone,
      winners: z.winners.map((w) => ({
        nominee: w.nominee,
        place: w.place,
        name: names.get(Number(w.nominee))?.name ?? "",
        region: w.region,
      })),
    })),
  };
}

/** The zone awards of the category's current publication; null when unpublished or without zone places. */
export async function currentZoneAwards(db: Db, category: { id: number; zone_places: number }) {
  if (category.zone_places < 1) return null;
  const publication = await currentPublication(db, category.id);
  if (!publication) return null;
  return publishedZoneAwards(db, {
    publicationId: publication.id,
    categoryId: category.id,
    zonePlaces: category.zone_places,
  });
}
