export const winners = {
  "winners.title": ["Pemenang", "Winners"],
  "winners.none": ["Pemenang edisi ini belum diumumkan.", "The winners of this edition have not been published yet."],
  "winners.place": ["Juara {rank}", "Place {rank}"],
} as const satisfies Record<string, readonly [string, string]>;
