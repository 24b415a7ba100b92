export const winners = {
  "winners.title": ["Pemenang", "Winners"],
  "winners.none": ["Pemenang edisi ini belum diumumkan.", "The winners of this edition have not been published yet."],
  "winners.place": ["Juara {rank}", "Place {rank}"],
  "winners.mention": ["Penghargaan khusus", "Special mention"],
  "winners.publishedAt": ["Diumumkan {at}", "Published {at}"],
  "winners.verify": ["Verifikasi hasil", "Verify the result"],
  "winners.zones": ["Penghargaan Zona", "Zone awards"],
  "winners.zoneBest": ["{category} Terbaik Zona {zone}", "Best {category}, {zone} zone"],
  "winners.zonePlace": ["Terbaik {place}", "Best {place}"],
  "winners.zoneUnplaced": [
    "{count} peserta tidak termasuk zona mana pun karena wilayahnya bukan provinsi yang dikenal.",
    "{count} entrants are in no zone: their region is not a known province.",
  ],
  "verify.title": ["Verifikasi piagam penghargaan", "Certificate verification"],
  "verify.ok": [
    "Kode ini sah: cocok dengan hasil yang diumumkan panitia.",
    "This code is valid: it matches a result published by the committee.",
  ],
  "verify.notFound": [
    "Kode ini tidak cocok dengan hasil yang pernah diumumkan.",
    "This code does not match any published result.",
  ],
  "verify.publishedAt": ["Diumumkan pada", "Published on"],
  "verify.broken": [
    "Data yang tersimpan untuk kode ini tidak lagi cocok dengan kodenya. Hubungi panitia.",
    "The data stored for this code no longer matches it. Please contact the committee.",
  ],
  "verify.replaced": [
    "Hasil ini telah digantikan oleh pengumuman yang lebih baru untuk kategori yang sama.",
    "This result has been replaced by a later publication for the same category.",
  ],
  "verify.replacedAt": [
    "Hasil ini telah digantikan pada {at} oleh pengumuman yang lebih baru untuk kategori yang sama. Pemenang yang berlaku tercantum di halaman pemenang.",
    "This result was replaced on {at} by a later publication for the same category. The winners that stand are on the winners page.",
  ],
  "verify.place": ["Penghargaan", "Award"],
} as const satisfies Record<string, readonly [string, string]>;
