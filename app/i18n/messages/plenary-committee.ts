// The committee's side of the plenary (committee.$editionId.plenary.tsx): opening one per category
// of the open stage, its settings, the state of each; the panel's way in (assess._index.tsx); and
// closing a stage whose minutes are not confirmed by everyone (committee.$editionId.stages.tsx).
// [Bahasa Indonesia, English].
export const plenaryCommittee = {
  "committee.nav.plenary": ["Rapat pleno", "Plenary"],

  "plenaryCommittee.title": ["Rapat pleno", "Plenary meetings"],
  "plenaryCommittee.intro": [
    "Rapat pleno membahas hasil penilaian setiap kategori pada tahap yang sedang berjalan: perbedaan nilai antarpenilai, peserta di sekitar batas lolos, revisi nilai dan keputusan pleno. Rapat diakhiri dengan berita acara yang dikonfirmasi setiap anggota panel.",
    "The plenary discusses each category's assessment in the open stage: disagreements between assessors, entries around the cut, revisions and the plenary's decisions. It ends with minutes that every panel member confirms.",
  ],
  "plenaryCommittee.noneOpen": [
    "Tidak ada tahap yang sedang berjalan, jadi tidak ada rapat pleno yang dapat dibuka.",
    "No stage is open, so no plenary can be opened.",
  ],
  "plenaryCommittee.stageTitle": ["Tahap {stage}", "Stage: {stage}"],
  "plenaryCommittee.noCategories": [
    "Belum ada peserta yang dinilai pada tahap ini.",
    "No entries are assessed in this stage yet.",
  ],
  "plenaryCommittee.entries": ["{count} peserta dinilai pada tahap ini.", "{count} entries assessed in this stage."],

  "plenaryCommittee.state.not_opened": ["Belum dibuka", "Not opened"],
  "plenaryCommittee.state.open": ["Sedang berlangsung", "In progress"],
  "plenaryCommittee.state.minutes_issued": ["Berita acara diterbitkan", "Minutes issued"],
  "plenaryCommittee.state.closed": ["Selesai", "Closed"],
  "plenaryCommittee.unsubmitted": ["{count} lembar penilaian belum dikirim", "{count} scoresheets not submitted"],
  "plenaryCommittee.comments": ["{count} komentar", "{count} comments"],
  "plenaryCommittee.decisions": ["{count} keputusan pleno", "{count} plenary decisions"],
  "plenaryCommittee.confirmed": [
    "{confirmed} dari {panel} anggota panel telah mengonfirmasi berita acara",
    "{confirmed} of {panel} panel members have confirmed the minutes",
  ],
  "plenaryCommittee.chairedBy": ["Pimpinan rapat: {name}", "Chaired by {name}"],
  "plenaryCommittee.closeReason": [
    "Tahap ditutup tanpa konfirmasi penuh. Alasan: {reason}",
    "The stage was closed without every confirmation. Reason: {reason}",
  ],
  "plenaryCommittee.goTo": ["Buka halaman rapat pleno {category}", "Go to the plenary of {category}"],
  "plenaryCommittee.goToShort": ["Halaman rapat pleno", "Plenary page"],
  "plenaryCommittee.minutes": ["Berita acara", "Minutes"],

  "plenaryCommittee.openTitle": ["Buka rapat pleno {category}", "Open the plenary of {category}"],
  "plenaryCommittee.chair": ["Pimpinan rapat", "Chair"],
  "plenaryCommittee.chairHint": [
    "Anggota panitia yang memberi izin revisi, mencatat keputusan pleno, dan menerbitkan berita acara.",
    "The committee member who grants revisions, records the plenary's decisions and issues the minutes.",
  ],
  "plenaryCommittee.me": ["{name} (saya)", "{name} (me)"],
  "plenaryCommittee.margin": ["Rentang di sekitar batas lolos (poin)", "Margin around the cut (points)"],
  "plenaryCommittee.marginHint": [
    "Peserta yang nilai kumulatifnya sejauh ini dari batas lolos dibahas setelah perbedaan nilai, misalnya 2 atau 2,5.",
    "Entries whose running total lies this close to the cut are discussed after the disagreements, e.g. 2 or 2.5.",
  ],
  "plenaryCommittee.marginInvalid": [
    "Masukkan angka 0 sampai 100, misalnya 2 atau 2,5.",
    "Enter a number from 0 to 100, e.g. 2 or 2.5.",
  ],
  "plenaryCommittee.named": ["Lembar penilaian di rapat", "Scoresheets in the plenary"],
  "plenaryCommittee.named.0": ["Tanpa nama penilai (Lembar 1, Lembar 2, …)", "Unnamed (Sheet 1, Sheet 2, …)"],
  "plenaryCommittee.named.1": ["Dengan nama penilai", "With the assessors' names"],
  "plenaryCommittee.unsubmittedWarning": [
    "Perhatian: {count} lembar penilaian tahap ini belum dikirim. Lembar yang belum dikirim tidak dihitung dalam peringkat yang dibahas.",
    "Warning: {count} scoresheets of this stage have not been submitted. Sheets not submitted do not count in the ranking discussed.",
  ],
  "plenaryCommittee.goAhead": [
    "Lanjutkan meskipun belum semua lembar dikirim",
    "Go ahead although not every sheet has been submitted",
  ],
  "plenaryCommittee.goAheadNeeded": [
    "{count} lembar belum dikirim: centang kotak ini untuk tetap membuka rapat pleno.",
    "{count} sheets are not submitted: tick this box to open the plenary anyway.",
  ],
  "plenaryCommittee.open": ["Buka rapat pleno", "Open the plenary"],
  "plenaryCommittee.opened": ["Rapat pleno {category} dibuka.", "The plenary of {category} is open."],
  "plenaryCommittee.settingsTitle": ["Pengaturan rapat pleno {category}", "Settings of the plenary of {category}"],
  "plenaryCommittee.saveSettings": ["Simpan pengaturan", "Save the settings"],
  "plenaryCommittee.settingsSaved": [
    "Pengaturan rapat pleno {category} disimpan.",
    "The settings of the plenary of {category} are saved.",
  ],
  "plenaryCommittee.stageNotOpen": [
    "Tahap ini tidak sedang berjalan; rapat pleno hanya dapat dibuka pada tahap yang berjalan.",
    "This stage is not open; a plenary can be opened only in the open stage.",
  ],
  "plenaryCommittee.alreadyOpen": [
    "Rapat pleno kategori ini sudah dibuka pada tahap ini.",
    "The plenary of this category is already open in this stage.",
  ],
  "plenaryCommittee.chairNotCommittee": [
    "Pilih anggota panitia edisi ini.",
    "Choose a committee member of this edition.",
  ],
  "plenaryCommittee.stale": [
    "Pengaturan ini telah diubah orang lain sejak halaman dibuka. Periksa nilai terbaru di bawah, lalu simpan lagi.",
    "Someone changed these settings since the page was opened. Check the current values below and save again.",
  ],
  "plenaryCommittee.stageClosed": [
    "Tahap rapat pleno ini sudah ditutup; pengaturannya tidak dapat diubah lagi.",
    "This plenary's stage is closed; its settings can no longer be changed.",
  ],
  "plenaryCommittee.notFound": [
    "Kategori atau rapat pleno itu tidak ada di edisi ini.",
    "That category or plenary is not in this edition.",
  ],
  "plenaryCommittee.earlierTitle": ["Rapat pleno tahap sebelumnya", "Plenaries of earlier stages"],

  // The panel's way in, on the assessor's home.
  "assess.plenary.title": ["Rapat pleno", "Plenary meetings"],
  "assess.plenary.intro": [
    "Rapat pleno kategori yang Anda nilai: bahas hasil penilaian bersama panel lalu konfirmasi berita acaranya.",
    "The plenaries of the categories you assess: discuss the assessment with the panel, then confirm the minutes.",
  ],
  "assess.plenary.noMinutes": ["Berita acara belum diterbitkan", "Minutes not issued yet"],
  "assess.plenary.confirmedByMe": ["Anda telah mengonfirmasi berita acara", "You have confirmed the minutes"],
  "assess.plenary.confirm": ["Konfirmasi berita acara", "Confirm the minutes"],
  "assess.plenary.confirmLabel": [
    "Konfirmasi berita acara rapat pleno {category}",
    "Confirm the minutes of the plenary of {category}",
  ],
  "assess.plenary.openLabel": ["Buka rapat pleno {category}", "Go to the plenary of {category}"],

  // Closing a stage whose plenary minutes are not confirmed by every panel member.
  "committee.stages.minutesTitle": [
    "Berita acara rapat pleno belum dikonfirmasi semua anggota panel",
    "Plenary minutes not confirmed by every panel member",
  ],
  "committee.stages.minutesIntro": [
    "Tahap sebaiknya ditutup setelah setiap anggota panel mengonfirmasi berita acara rapat pleno. Untuk menutupnya sekarang, tuliskan alasannya; alasan itu disimpan pada rapat pleno berikut dan dicatat dalam log audit.",
    "A stage should close once every panel member has confirmed the plenary minutes. To close it now, give the reason; it is kept on the plenaries below and written to the audit log.",
  ],
  "committee.stages.minutesMissing": [
    "{category}: {missing} anggota panel belum mengonfirmasi berita acara",
    "{category}: {missing} panel members have not confirmed the minutes",
  ],
  "committee.stages.minutesNone": ["{category}: berita acara belum diterbitkan", "{category}: no minutes issued"],
  "committee.stages.closeReason": [
    "Alasan menutup tanpa konfirmasi penuh",
    "Reason to close without every confirmation",
  ],
  "committee.stages.closeReasonHint": ["Sekurang-kurangnya {min} karakter.", "At least {min} characters."],
  "committee.stages.closeReasonShort": [
    "Tuliskan alasan sekurang-kurangnya {min} karakter.",
    "Give a reason of at least {min} characters.",
  ],
  "committee.stages.closeReasonLong": [
    "Alasan paling banyak {max} karakter.",
    "The reason can be at most {max} characters.",
  ],
  "committee.stages.minutesUnconfirmed": [
    "Berita acara {count} rapat pleno belum dikonfirmasi semua anggota panel: tuliskan alasan untuk tetap menutup tahap.",
    "The minutes of {count} plenaries are not confirmed by every panel member: give a reason to close the stage anyway.",
  ],
  "committee.stages.closeWithReason": ["Tutup tahap dengan alasan ini", "Close the stage with this reason"],
  "committee.stages.confirmReason": ["Alasan yang dicatat: {reason}", "Reason recorded: {reason}"],
} as const satisfies Record<string, readonly [string, string]>;
