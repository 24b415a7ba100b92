import type { T } from "~/i18n";

/** The places of a ranking: Juara I..places, then `mentions` special mentions (ties share). */
export function placeOf(
  rank: number,
  places: number,
  mentions: number,
): { kind: "place"; rank: number } | { kind: "mention" } | null {
  if (rank <= places) return { kind: "place", rank };
  if (rank <= places + mentions) return { kind: "mention" };
  return null;
}

/** A place in words: "Juara II", "Penghargaan khusus". */
export function placeText(t: T, place: NonNullable<ReturnType<typeof placeOf>>): string {
  return place.kind === "place" ? t("winners.place", { rank: roman(place.rank) }) : t("winners.mention");
}

/** I, II, III, ... (places are small numbers). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}
