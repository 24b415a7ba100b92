// Zone awards (docs/levels.md): a view of one published category of a national edition, its best
// `zone_places` per zone (Provinsi Terbaik Zona Sumatera…). No scoring of its own: the published
// ranks decide, grouped by the zone of each organisation's region.
import type { Level } from "../../db/schema";
import { ZONES, zoneOf, type Zone } from "./levels";
import { topWithTies } from "./top-places";

/** The most places a zone award may have per zone. */
export const MAX_ZONE_PLACES = 3;

/** Why a category's zone places may not be set to `n` in an edition of `level`; null when they may. */
export function zonePlacesRefusal(level: Level, n: number): "provincial" | "range" | null {
  if (!Number.isInteger(n) || n < 0 || n > MAX_ZONE_PLACES) return "range";
  // Zones group provinces: only the national edition ranks entrants from several of them.
  return level === "national" || n === 0 ? null : "provincial";
}

interface ZoneCandidate {
  nominee: string;
  /** The published rank in the category. */
  rank: number;
  /** The organisation's region ("Kalimantan Timur", "Kota Balikpapan, Kalimantan Timur"). */
  region: string;
}

interface ZoneWinner extends ZoneCandidate {
  /** The place within the zone: 1 + how many of the zone ranked strictly better (ties share). */
  place: number;
}

interface ZoneAwards {
  /** Zones in ZONES order; a zone without any ranked entrant is left out. */
  zones: { zone: Zone; winners: ZoneWinner[] }[];
  /** Ranked entrants whose region names no known province (in no zone). */
  unplaced: number;
}

/** The best `places` of each zone (everyone tied with the last goes too), from a published ranking. */
export function zoneAwards(ranking: readonly ZoneCandidate[], places: number): ZoneAwards {
  const byZone = new Map<Zone, ZoneCandidate[]>();
  let unplaced = 0;
  for (const r of ranking) {
    const zone = zoneOf(r.region);
    if (zone === null) unplaced++;
    else {
      const list = byZone.get(zone) ?? [];
      list.push(r);
      byZone.set(zone, list);
    }
  }
  const zones = ZONES.flatMap((zone) => {
    const inZone = byZone.get(zone);
    if (!inZone) return [];
    const winners = topWithTies(inZone, places).map((w, _, all) => ({
      ...w,
      place: 1 + all.filter((o) => o.rank < w.rank).length,
    }));
    return winners.length ? [{ zone, winners }] : [];
  });
  return { zones, unplaced };
}
