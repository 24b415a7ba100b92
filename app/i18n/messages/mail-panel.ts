// Messages of the panel's and the committee's changes: new entries to assess, a declared conflict,
// the next stage opened, results published (app/lib/mail/templates).
export const mailPanel = {
  "mail.panel.stage": ["Tahap", "Stage"],
  "mail.panel.deadline": ["Batas waktu", "Deadline"],
  "mail.panel.noDeadline": ["Belum ditetapkan", "Not set yet"],
  "mail.panel.openAssess": ["Buka daftar penilaian Anda", "Open your assessment list"],

  "mail.assignment.title": ["Entri baru untuk dinilai: {stage}", "New entries to assess: {stage}"],
  "mail.assignment.one": [
    "Anda ditugaskan menilai 1 entri baru pada tahap {stage}.",
    "You have been assigned 1 new entry to assess in the {stage} stage.",
  ],
  "mail.assignment.many": [
    "Anda ditugaskan menilai {count} entri baru pada tahap {stage}.",
    "You have been assigned {count} new entries to assess in the {stage} stage.",
  ],
  "mail.assignment.notOpen": [
    "Tahap ini belum dibuka. Anda akan menerima pesan lagi ketika tahap ini dibuka.",
    "This stage is not open yet. You will receive another message when it opens.",
  ],
  "mail.assignment.declare": [
    "Sebelum membuka berkas setiap entri, nyatakan dahulu ada atau tidaknya konflik kepentingan Anda dengan pesertanya.",
    "Before opening each entry's evidence, first declare whether you have a conflict of interest with its entrant.",
  ],

  "mail.conflict.title": ["Konflik kepentingan dinyatakan", "Conflict of interest declared"],
  "mail.conflict.intro": [
    "{assessor} menyatakan konflik kepentingan dengan seorang peserta. Penilaiannya atas entri ini perlu dialihkan kepada orang lain.",
    "{assessor} has declared a conflict of interest with an entrant. Their assessment of this entry needs to be handed to someone else.",
  ],
  "mail.conflict.assessor": ["Penilai", "Assessor"],
  "mail.conflict.organisation": ["Peserta", "Entrant"],
  "mail.conflict.category": ["Kategori", "Category"],
  "mail.conflict.kind": ["Jenis konflik", "Kind of conflict"],
  "mail.conflict.open": ["Tangani di halaman penugasan", "Resolve it on the assignment page"],

  "mail.stageClosed.title": ["Tahap {next} dibuka", "The {next} stage is open"],
  "mail.stageClosed.intro": [
    "Tahap {stage} telah ditutup dan tahap {next} kini dibuka. Entri yang ditugaskan kepada Anda pada tahap ini ada di daftar penilaian Anda.",
    "The {stage} stage has closed and the {next} stage is now open. The entries assigned to you in it are in your assessment list.",
  ],

  "mail.results.title": ["Hasil diumumkan: {category}", "Results published: {category}"],
  "mail.results.intro": [
    "Hasil penilaian kategori {category} telah diumumkan. Hasil penilaian entri Anda kini dapat dibaca.",
    "The results of the {category} category have been published. Your entry's scorecard can now be read.",
  ],
  "mail.results.winners": ["Lihat para pemenang", "See the winners"],
  "mail.results.scorecard": ["Lihat hasil penilaian entri Anda", "Read your entry's scorecard"],
} as const satisfies Record<string, readonly [string, string]>;
