// The national committee's nomination page (committee.$editionId.nominations.tsx).
export const nominations = {
  "committee.nav.nominations": ["Nominasi", "Nominations"],
  "nominations.title": ["Nominasi dari provinsi", "Nominations from the provinces"],
  "nominations.intro": [
    "Nominasi dibaca hanya dari hasil provinsi yang sudah diumumkan. Peserta yang dinominasikan masuk ke edisi nasional dengan data isian dari tingkat provinsi; bukti dukungnya dibaca dari berkas provinsi.",
    "Nominations are read only from the provinces' published results. A nominated entrant enters the national edition with the figures it gave at the provincial level; its evidence is read from the provincial files.",
  ],

  "nominations.links.title": ["Edisi provinsi yang ditautkan", "Linked provincial editions"],
  "nominations.links.empty": ["Belum ada edisi provinsi yang ditautkan.", "No provincial edition is linked yet."],
  "nominations.links.province": ["Provinsi", "Province"],
  "nominations.links.edition": ["Edisi", "Edition"],
  "nominations.links.unlink": ["Lepas tautan", "Unlink"],
  "nominations.links.unlinkOf": ["Lepas tautan {edition}", "Unlink {edition}"],
  "nominations.links.choose": ["Edisi provinsi tahun {year}", "Provincial edition of {year}"],
  "nominations.links.placeholder": ["Pilih edisi provinsi", "Choose a provincial edition"],
  "nominations.links.link": ["Tautkan", "Link"],
  "nominations.links.none": [
    "Tidak ada edisi provinsi tahun {year} lain yang dapat ditautkan.",
    "No other provincial edition of {year} can be linked.",
  ],
  "nominations.links.linked": ["Edisi {edition} ditautkan.", "{edition} linked."],
  "nominations.links.unlinked": ["Tautan edisi {edition} dilepas.", "{edition} unlinked."],

  "nominations.rule.label": ["Peringkat yang dinominasikan: 1 sampai", "Places nominated: 1 to"],
  "nominations.rule.hint": [
    "1 berarti Juara I. Peserta dengan peringkat sama dengan peringkat terakhir ikut dinominasikan.",
    "1 means Juara I. Entrants tied with the last place are nominated too.",
  ],
  "nominations.rule.save": ["Simpan aturan", "Save rule"],
  "nominations.rule.saved": ["Aturan nominasi {category} disimpan.", "Nomination rule of {category} saved."],
  "nominations.rule.invalid": ["Isi bilangan bulat 1 sampai 10.", "Enter a whole number from 1 to 10."],

  "nominations.category.noProvinces": [
    "Tautkan edisi provinsi terlebih dahulu untuk melihat calon nominasi.",
    "Link provincial editions first to see the candidates.",
  ],
  "nominations.province.heading": ["{province} — {edition}", "{province} — {edition}"],
  "nominations.province.notPublished": ["Belum diumumkan.", "Not published yet."],
  "nominations.province.noCandidates": ["Pengumuman ini tidak memuat peringkat.", "This publication ranks no one."],
  "nominations.rank": ["Peringkat", "Rank"],
  "nominations.total": ["Nilai akhir", "Total"],
  "nominations.organisation": ["Peserta", "Entrant"],
  "nominations.state": ["Nominasi", "Nomination"],
  "nominations.nominate": ["Nominasikan", "Nominate"],
  "nominations.nominateOf": ["Nominasikan {organisation}", "Nominate {organisation}"],
  "nominations.nominateAll": ["Nominasikan semua", "Nominate all"],
  "nominations.nominateAllOf": ["Nominasikan semua calon {category}", "Nominate every candidate of {category}"],
  "nominations.nominated": ["Dinominasikan", "Nominated"],
  "nominations.withdrawn": ["Nominasi ditarik", "Nomination withdrawn"],
  "nominations.viewEntry": ["Lihat di edisi nasional", "See in the national edition"],
  "nominations.done": ["{organisation} dinominasikan.", "{organisation} nominated."],
  "nominations.doneAll": [
    "{count} peserta dinominasikan untuk {category}.",
    "{count} entrants nominated for {category}.",
  ],
  "nominations.doneAllRefused": [
    "{count} peserta dinominasikan untuk {category}; {refused} tidak dapat dinominasikan (misalnya organisasinya sudah terdaftar di edisi nasional).",
    "{count} entrants nominated for {category}; {refused} could not be (for example, their organisation already has an entry in the national edition).",
  ],

  "nominations.refused.not_linked": [
    "Edisi provinsi peserta ini tidak ditautkan ke edisi nasional.",
    "This entrant's provincial edition is not linked to the national edition.",
  ],
  "nominations.refused.not_published": [
    "Hasil kategori ini di provinsi belum diumumkan.",
    "The province has not published this category's results.",
  ],
  "nominations.refused.not_a_candidate": [
    "Peserta ini tidak termasuk calon menurut hasil yang diumumkan dan aturan nominasi.",
    "This entrant is not a candidate by the published result and the nomination rule.",
  ],
  "nominations.refused.already_nominated": ["Peserta ini sudah dinominasikan.", "This entrant is already nominated."],
  "nominations.refused.organisation_has_entry": [
    "Organisasi ini sudah memiliki entri di edisi nasional.",
    "This organisation already has an entry in the national edition.",
  ],
  "nominations.refused.category_mismatch": [
    "Kategori peserta tidak sama dengan kategori nasional ini.",
    "The entrant's category is not this national category.",
  ],
  "nominations.refused.not_national": ["Edisi ini bukan edisi nasional.", "This is not a national edition."],
  "nominations.refused.not_provincial": [
    "Edisi yang dipilih bukan edisi provinsi.",
    "The edition chosen is not a provincial edition.",
  ],
  "nominations.refused.other_year": [
    "Edisi provinsi harus dari tahun penilaian yang sama.",
    "The provincial edition must be of the same assessment year.",
  ],
  "nominations.refused.province_taken": [
    "Provinsi ini sudah memiliki edisi yang ditautkan.",
    "This province already has a linked edition.",
  ],
  "nominations.refused.already_linked": ["Edisi ini sudah ditautkan.", "This edition is already linked."],
  "nominations.refused.not_linked_edition": ["Edisi ini tidak ditautkan.", "This edition is not linked."],
  "nominations.refused.has_nominees": [
    "Tautan tidak dapat dilepas: sudah ada peserta yang dinominasikan dari edisi ini.",
    "Cannot unlink: entrants were nominated from this edition.",
  ],
  "nominations.refused.unknown": [
    "Pilihan ini tidak ditemukan di edisi ini. Muat ulang halaman.",
    "This choice was not found in this edition. Reload the page.",
  ],
  "nominations.refused.no_change": [
    "Tidak ada perubahan yang perlu ditinjau untuk peserta ini.",
    "There is no change to review for this entrant.",
  ],
  "nominations.refused.withdrawn": ["Nominasi ini sudah ditarik.", "This nomination is already withdrawn."],
  "nominations.refused.no_longer_candidate": [
    "Peserta ini tidak lagi memenuhi aturan nominasi menurut pengumuman terbaru: tarik nominasinya.",
    "By the latest publication this entrant no longer meets the nomination rule: withdraw the nomination.",
  ],

  "nominations.changes.title": ["Perubahan untuk ditinjau", "Changes to review"],
  "nominations.changes.intro": [
    "Provinsi mengumumkan ulang hasilnya setelah nominasi. Perubahan tidak diterapkan sampai Anda menerimanya atau menarik nominasi.",
    "The province republished its result after the nomination. Nothing changes until you accept it or withdraw the nomination.",
  ],
  "nominations.changes.category": ["Kategori", "Category"],
  "nominations.changes.was": ["Saat nominasi", "At nomination"],
  "nominations.changes.now": ["Pengumuman terbaru", "Latest publication"],
  "nominations.changes.standing": ["Peringkat {rank}, nilai {total}", "Rank {rank}, total {total}"],
  "nominations.changes.gone": ["Tidak lagi ada di peringkat yang diumumkan", "No longer in the published ranking"],
  "nominations.changes.notCandidate": [
    "Tidak lagi memenuhi aturan nominasi: hanya dapat ditarik.",
    "No longer meets the nomination rule: it can only be withdrawn.",
  ],
  "nominations.changes.accept": ["Terima perubahan", "Accept the change"],
  "nominations.changes.acceptOf": ["Terima perubahan {organisation}", "Accept the change of {organisation}"],
  "nominations.changes.reason": ["Alasan penarikan", "Reason for withdrawing"],
  "nominations.changes.reasonOf": [
    "Alasan penarikan nominasi {organisation}",
    "Reason for withdrawing the nomination of {organisation}",
  ],
  "nominations.changes.reasonRequired": ["Tuliskan alasan penarikan.", "Write the reason for withdrawing."],
  "nominations.changes.withdraw": ["Tarik nominasi", "Withdraw the nomination"],
  "nominations.changes.accepted": ["Perubahan {organisation} diterima.", "The change of {organisation} was accepted."],
  "nominations.changes.withdrawnDone": [
    "Nominasi {organisation} ditarik.",
    "The nomination of {organisation} was withdrawn.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
