// Each text as [Bahasa Indonesia, English]. Assessor agreement of one stage
// (app/components/AgreementFigures.tsx): the two-way figures of the complete block, the one-way
// figures of incomplete panels (k of n assessors per entrant) and the Koo & Li band.
export const agreement = {
  "agreement.twoWay": ["Dua arah (blok lengkap)", "Two-way (complete block)"],
  "agreement.block": [
    "blok {assessors} penilai × {nominees} peserta",
    "block of {assessors} assessors × {nominees} entrants",
  ],
  "agreement.noBlock": [
    "tidak ada blok lengkap: kurang dari dua penilai menilai semua peserta tahap ini",
    "no complete block: fewer than two assessors scored every entrant of the stage",
  ],
  "agreement.oneWay": ["Satu arah (panel tidak lengkap)", "One-way (incomplete panels)"],
  "agreement.panelSize": ["k̄ = {k} (rata-rata ukuran panel yang disesuaikan)", "k̄ = {k} (adjusted mean panel size)"],
  "agreement.oneWayNominees": [
    "Peserta dengan sedikitnya dua lembar nilai lengkap",
    "Entrants with at least two complete scoresheets",
  ],
  "agreement.level": ["Tingkat kesepakatan", "Level of agreement"],
  "agreement.levelOf": ["{band} (menurut {figure} = {value})", "{band} (by {figure} = {value})"],
  "agreement.band.poor": ["buruk", "poor"],
  "agreement.band.moderate": ["sedang", "moderate"],
  "agreement.band.good": ["baik", "good"],
  "agreement.band.excellent": ["sangat baik", "excellent"],
  "agreement.none": [
    "tidak dapat dihitung: kurang dari dua peserta yang memiliki dua lembar nilai lengkap",
    "cannot be computed: fewer than two entrants with two complete scoresheets",
  ],
  "agreement.note": [
    "Tingkat menurut Koo & Li (2016): di bawah 0,5 buruk; 0,5–0,75 sedang; 0,75–0,9 baik; di atas 0,9 sangat baik. Dinilai dari ICC(2,1) bila ada blok lengkap (penilai yang menilai semua peserta); bila tidak, dari ICC(1,1) satu arah atas peserta yang dinilai sedikitnya dua penilai. Tanda – berarti angka itu tidak dapat dihitung.",
    "Levels after Koo & Li (2016): below 0.5 poor; 0.5–0.75 moderate; 0.75–0.9 good; above 0.9 excellent. Judged by ICC(2,1) when a complete block exists (assessors who scored every entrant); otherwise by the one-way ICC(1,1) over entrants scored by at least two assessors. A – means the figure cannot be computed.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
