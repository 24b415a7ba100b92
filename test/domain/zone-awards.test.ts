import { describe, expect, it } from "vitest";
import { zoneAwards, zonePlacesRefusal } from "../../app/domain/zone-awards";

// Zone awards are a view of a published ranking: the best N of each zone by published rank,
// everyone tied with the N-th too, re-numbered within the zone.

const r = (nominee: string, rank: number, region: string) => ({ nominee, rank, region });

describe("zone awards", () => {
  const ranking = [
    r("jatim", 1, "Jawa Timur"),
    r("kaltim", 2, "Provinsi Kalimantan Timur"),
    r("jabar", 3, "Jawa Barat"),
    r("jateng", 3, "Jawa Tengah"),
    r("nowhere", 4, "Provinsi Uji 7"),
    r("banten", 5, "Banten"),
    r("aceh", 6, "Aceh"),
    r("sumut", 6, "Sumatera Utara"),
    r("riau", 8, "Riau"),
  ];

  it("takes the best N of each zone, ties with the N-th included, places re-numbered within the zone", () => {
    const { zones, unplaced } = zoneAwards(ranking, 2);
    expect(zones.map((z) => z.zone)).toEqual(["sumatera", "jawa", "kalimantan"]);
    const of = (zone: string) => zones.find((z) => z.zone === zone)!.winners.map((w) => [w.nominee, w.place]);
    expect(of("jawa")).toEqual([
      ["jatim", 1],
      ["jabar", 2],
      ["jateng", 2],
    ]);
    // Aceh and Sumatera Utara share the zone's first place; Riau is third, beyond the two places.
    expect(of("sumatera")).toEqual([
      ["aceh", 1],
      ["sumut", 1],
    ]);
    expect(of("kalimantan")).toEqual([["kaltim", 1]]);
    // A region that names no province is in no zone, and counted.
    expect(unplaced).toBe(1);
  });

  it("reads the province of a regency or city, keeps ZONES order whatever the ranking's, and gives nothing for 0 places", () => {
    const regencies = [
      r("mks", 1, "Kota Makassar, Sulawesi Selatan"),
      r("bpn", 2, "Kota Balikpapan, Kalimantan Timur"),
    ];
    const { zones } = zoneAwards(regencies, 1);
    expect(zones.map((z) => [z.zone, z.winners[0]!.nominee, z.winners[0]!.place])).toEqual([
      ["kalimantan", "bpn", 1],
      ["sulawesi", "mks", 1],
    ]);
    expect(zoneAwards(ranking, 0)).toEqual({ zones: [], unplaced: 1 });
    expect(zoneAwards([], 3)).toEqual({ zones: [], unplaced: 0 });
  });

  it("may be set on national editions only, 0 to 3 places", () => {
    expect(zonePlacesRefusal("national", 1)).toBeNull();
    expect(zonePlacesRefusal("national", 3)).toBeNull();
    expect(zonePlacesRefusal("national", 0)).toBeNull();
    expect(zonePlacesRefusal("national", 4)).toBe("range");
    expect(zonePlacesRefusal("national", -1)).toBe("range");
    expect(zonePlacesRefusal("national", 1.5)).toBe("range");
    expect(zonePlacesRefusal("provincial", 1)).toBe("provincial");
    expect(zonePlacesRefusal("provincial", 0)).toBeNull();
  });
});
