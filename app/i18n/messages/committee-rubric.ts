// Committee console, rubric form editor: [Bahasa Indonesia, English]. Glossary: UX.md
// (Rubrik, Kriteria, Bobot, Indikator, Rentang nilai, Syarat kelayakan).
export const committeeRubric = {
  "rubricForm.link": ["Ubah rubrik dengan formulir", "Edit the rubric in a form"],
  "rubricForm.title": ["Ubah rubrik: {category}", "Edit rubric: {category}"],
  "rubricForm.intro": [
    "Perubahan disimpan sebagai versi rubrik baru (berdasarkan versi {version}). Versi lama tetap tersimpan.",
    "Changes are stored as a new rubric version (based on version {version}). Earlier versions are kept.",
  ],
  "rubricForm.introNone": [
    "Kategori ini belum memiliki rubrik; formulir ini membuat versi 1.",
    "This category has no rubric yet; this form creates version 1.",
  ],
  "rubricForm.back": ["Kembali ke rubrik", "Back to the rubric"],
  "rubricForm.summary": [
    "Rubrik belum dapat disimpan. Perbaiki {count} isian berikut:",
    "The rubric cannot be saved yet. Correct these {count} fields:",
  ],
  "rubricForm.stale": [
    "Versi {version} rubrik ini disimpan orang lain sementara Anda mengubahnya. Isian Anda tetap di bawah; periksa versi {version}, lalu simpan lagi bila isian Anda tetap harus menjadi versi baru.",
    "Version {version} of this rubric was saved by someone else while you were editing. Your input is kept below; check version {version}, then save again if your input should still become the new version.",
  ],
  "rubricForm.saved": ["Rubrik disimpan sebagai versi {version}.", "The rubric has been saved as version {version}."],

  "rubricForm.stages": ["Tahap", "Stages"],
  "rubricForm.stagesIntro": [
    "Bobot tahap menentukan porsinya dalam nilai akhir.",
    "A stage's weight sets its share of the final score.",
  ],
  "rubricForm.stageUse": ["Tahap ini dinilai dalam rubrik", "This stage is scored in the rubric"],
  "rubricForm.weight": ["Bobot", "Weight"],
  "rubricForm.advance": ["Aturan lolos ke tahap berikutnya", "Rule for going on to the next stage"],
  "rubricForm.advance.none": ["Tidak ada (tahap terakhir)", "None (last stage)"],
  "rubricForm.advance.top": ["Peringkat teratas N", "Top N of the ranking"],
  "rubricForm.advance.minScore": ["Nilai minimum", "Minimum score"],
  "rubricForm.advanceValue": ["N atau nilai minimum", "N or minimum score"],

  "rubricForm.criteria": ["Kriteria", "Criteria"],
  "rubricForm.criterionLegend": ["{name} ({key}, {stage}, {type})", "{name} ({key}, {stage}, {type})"],
  "rubricForm.type.judged": ["dinilai penilai", "judged"],
  "rubricForm.type.indicator": ["indikator", "indicator"],
  "rubricForm.key": ["Kode kriteria", "Criterion key"],
  "rubricForm.keyHint": [
    "Huruf kecil, angka dan garis bawah, diawali huruf (mis. inovasi_program).",
    "Lower-case letters, digits and underscores, starting with a letter (e.g. programme_innovation).",
  ],
  "rubricForm.stage": ["Tahap", "Stage"],
  "rubricForm.type": ["Jenis", "Type"],
  "rubricForm.nameId": ["Nama (Bahasa Indonesia)", "Name (Bahasa Indonesia)"],
  "rubricForm.nameEn": ["Nama (Inggris)", "Name (English)"],
  "rubricForm.max": ["Nilai maksimum", "Maximum score"],
  "rubricForm.step": ["Kelipatan nilai", "Score step"],
  "rubricForm.evidence": ["Bukti dukung wajib", "Evidence required"],
  "rubricForm.indicator": ["Indikator", "Indicator"],
  "rubricForm.bands": ["Rentang nilai", "Bands"],
  "rubricForm.bandsHint": [
    'Nilai indikator sekurang-kurangnya "minimum" mendapat poinnya. Baris kosong diabaikan; isi baris kosong untuk menambah rentang nilai.',
    'An indicator value of at least "minimum" earns its points. Empty rows are ignored; fill an empty row to add a band.',
  ],
  "rubricForm.bandMin": ["Minimum", "Minimum"],
  "rubricForm.bandPoints": ["Poin", "Points"],
  "rubricForm.bandMinRow": ["Minimum, baris {n}", "Minimum, row {n}"],
  "rubricForm.bandPointsRow": ["Poin, baris {n}", "Points, row {n}"],
  "rubricForm.remove": ["Hapus kriteria ini", "Remove this criterion"],
  "rubricForm.added": ["Kriteria baru", "New criterion"],
  "rubricForm.addedHint": [
    "Biarkan kosong bila tidak ada kriteria yang ditambahkan. Satu kriteria per penyimpanan.",
    "Leave empty when no criterion is added. One criterion per save.",
  ],
  "rubricForm.maxHint": ["Untuk kriteria yang dinilai penilai.", "For judged criteria."],
  "rubricForm.indicatorHint": [
    "Untuk kriteria indikator (mis. {examples}).",
    "For indicator criteria (e.g. {examples}).",
  ],

  "rubricForm.gates": ["Syarat kelayakan", "Eligibility gates"],
  "rubricForm.gatesIntro": [
    "Peserta yang tidak memenuhi syarat kelayakan tidak diperingkat.",
    "Entrants who do not meet an eligibility gate are not ranked.",
  ],
  "rubricForm.gateLegend": ["Syarat {n}", "Gate {n}"],
  "rubricForm.newGate": ["Syarat baru", "New gate"],
  "rubricForm.newGateHint": [
    "Biarkan kosong bila tidak ada syarat yang ditambahkan.",
    "Leave empty when no gate is added.",
  ],
  "rubricForm.op": ["Operator", "Operator"],
  "rubricForm.value": ["Nilai", "Value"],
  "rubricForm.removeGate": ["Hapus syarat ini", "Remove this gate"],
  "rubricForm.save": ["Simpan sebagai versi baru", "Save as a new version"],

  "rubricForm.number": ["Isi dengan angka (mis. 12 atau 0,5).", "Enter a number (e.g. 12 or 0.5)."],
  "rubricForm.positive": ["Isi dengan angka lebih dari 0.", "Enter a number greater than 0."],
  "rubricForm.points": ["Poin antara 0 dan 100.", "Points between 0 and 100."],
  "rubricForm.top": ["Isi dengan bilangan bulat dari 1 sampai 1.000.000.", "Enter a whole number from 1 to 1,000,000."],
  // Out of the scoring contract's ranges (scoring/limits.ts; test/app/rubric-form.test.ts checks the numbers).
  "rubricForm.weightRange": ["Bobot paling kecil 0,001 dan paling besar 1.000.", "A weight from 0.001 to 1,000."],
  "rubricForm.maxRange": [
    "Nilai maksimum paling kecil 0,000001 dan paling besar 1.000.000.",
    "A maximum from 0.000001 to 1,000,000.",
  ],
  "rubricForm.stepRange": [
    "Kelipatan nilai paling kecil 0,000001 dan tidak melebihi nilai maksimum.",
    "A step of at least 0.000001 and no more than the maximum.",
  ],
  "rubricForm.stepFit": [
    "Nilai maksimum harus kelipatan bulat dari kelipatan nilai ini, paling banyak 1.000.000 langkah.",
    "The maximum must be a whole number of these steps, 1,000,000 steps at most.",
  ],
  "rubricForm.valueRange": [
    "Isi dengan angka antara -1.000.000.000.000.000 dan 1.000.000.000.000.000.",
    "Enter a number from -1,000,000,000,000,000 to 1,000,000,000,000,000.",
  ],
  "rubricForm.trim": [
    "Isi dengan bilangan bulat dari 0 sampai 1.000.000.",
    "Enter a whole number from 0 to 1,000,000.",
  ],
  "rubricForm.sdRange": ["Batas simpangan baku antara 0 dan 100.", "A standard deviation limit from 0 to 100."],
  "rubricForm.deltaRange": [
    "Perubahan bobot lebih dari 0 dan kurang dari 1 (mis. 0,1 untuk ±10%).",
    "A weight change greater than 0 and less than 1 (e.g. 0.1 for ±10%).",
  ],
  "rubricForm.minScore": ["Nilai minimum antara 0 dan 100.", "A minimum score between 0 and 100."],
  "rubricForm.tooLong": ["Terlalu panjang (paling banyak 200 karakter).", "Too long (200 characters at most)."],
  "rubricForm.identifier": [
    "Huruf kecil, angka dan garis bawah, diawali huruf (paling banyak 40).",
    "Lower-case letters, digits and underscores, starting with a letter (40 at most).",
  ],
  "rubricForm.keyTaken": ["Kode ini sudah dipakai kriteria lain.", "Another criterion already uses this key."],
  "rubricForm.stageNotUsed": [
    "Tahap ini tidak dinilai dalam rubrik; centang tahapnya terlebih dahulu.",
    "This stage is not scored in the rubric; tick the stage first.",
  ],
  "rubricForm.stageEmpty": ["Tahap ini belum memiliki kriteria.", "This stage has no criteria."],
  "rubricForm.advanceLast": ["Tahap terakhir tidak memiliki aturan lolos.", "The last stage has no advance rule."],
  "rubricForm.bandDuplicate": [
    "Minimum ini sudah dipakai rentang nilai lain.",
    "Another band already has this minimum.",
  ],
  "rubricForm.bandsRequired": ["Isi sekurang-kurangnya satu rentang nilai.", "Fill in at least one band."],
  "rubricForm.noCriteria": [
    "Rubrik memerlukan sekurang-kurangnya satu kriteria.",
    "A rubric needs at least one criterion.",
  ],
  "rubricForm.noStages": ["Rubrik memerlukan sekurang-kurangnya satu tahap.", "A rubric needs at least one stage."],
  "committee.rubric.maxBelowScores": [
    "Nilai maksimum kriteria {criterion} tidak boleh di bawah {value}: sudah ada nilai setinggi itu.",
    "The maximum of criterion {criterion} cannot be below {value}: scores that high were already given.",
  ],
  // The national rubric's use of the provincial total (docs/scoring-contract.md §1, §10).
  "rubricForm.prior": ["Nilai tingkat provinsi", "Provincial score"],
  "rubricForm.priorIntro": [
    "Total yang diperoleh nominasi di tingkat provinsi. Tanpa pilihan di bawah, nilai itu hanya menjadi konteks bagi penilai dan tidak mengubah peringkat.",
    "The total a nominee was given in its province. Without either option below it is context for the assessors only and changes no ranking.",
  ],
  "rubricForm.priorMin": ["Total minimum tingkat provinsi", "Minimum provincial total"],
  "rubricForm.priorMinHint": [
    "Kosongkan bila tidak ada minimum. Nominasi dengan total provinsi di bawahnya (atau tanpa total provinsi) tidak memenuhi syarat.",
    "Leave empty for no minimum. A nominee whose provincial total is below it (or missing) is ineligible.",
  ],
  "rubricForm.priorTieBreak": [
    "Pakai sebagai pemecah seri terakhir (total provinsi lebih tinggi di depan)",
    "Use as the last tie-break (higher provincial total first)",
  ],
  "rubricForm.priorMinRange": [
    "Total minimum tingkat provinsi antara 0 dan 100.",
    "The minimum provincial total is between 0 and 100.",
  ],
  "rubricForm.priorEmpty": [
    "Pilih total minimum tingkat provinsi, pemecah seri, atau keduanya.",
    "Choose a minimum provincial total, the tie-break, or both.",
  ],
  "rubricForm.priorNationalOnly": [
    "Hanya rubrik edisi tingkat nasional yang dapat memakai nilai tingkat provinsi (prior).",
    "Only a national edition's rubric can use the provincial score (prior).",
  ],
  "rubricForm.gateKeyTaken": [
    'Kode syarat ini sudah dipakai oleh syarat lain, atau oleh total minimum tingkat provinsi (kode "prior").',
    'This gate key is already used by another gate, or by the minimum provincial total (key "prior").',
  ],
  "rubricForm.priorNone": [
    "Nilai tingkat provinsi: hanya konteks (tidak mengubah peringkat).",
    "Provincial score: context only (changes no ranking).",
  ],
  "rubricForm.priorMinText": [
    "Nominasi dengan total tingkat provinsi di bawah {min} (atau tanpa total provinsi) tidak memenuhi syarat.",
    "A nominee whose provincial total is below {min} (or missing) is ineligible.",
  ],
  "rubricForm.priorTieBreakText": [
    "Total tingkat provinsi memecah seri terakhir: yang lebih tinggi di depan, yang tanpa total provinsi paling belakang.",
    "The provincial total breaks the last tie: the higher first, a nominee without one last.",
  ],
  "committee.ranking.priorBelow": [
    "Nilai provinsi di bawah minimum ({min})",
    "Provincial score below the minimum ({min})",
  ],
} as const satisfies Record<string, readonly [string, string]>;
