// The administrator (award secretariat): all editions, their committees, installation settings.
// [Bahasa Indonesia, English].
export const admin = {
  "nav.admin": ["Administrasi", "Administration"],
  "admin.home.title": ["Administrasi penghargaan", "Award administration"],
  "admin.home.intro": [
    "Sekretariat penghargaan membuat edisi dan mengangkat panitianya. Panitia mengelola edisinya sendiri.",
    "The award secretariat creates editions and appoints their committees. Each committee runs its own edition.",
  ],
  "admin.home.personalData": [
    "Data pribadi: cari akun seseorang untuk mengunduh atau menganonimkan datanya",
    "Personal data: find someone's account to download or anonymise their data",
  ],
  "admin.home.editions": ["Semua edisi", "All editions"],
  "admin.home.empty": [
    "Belum ada edisi. Buat edisi pertama, lalu angkat panitianya.",
    "There are no editions yet. Create the first one, then appoint its committee.",
  ],
  "admin.home.new": ["Buat edisi baru", "Create a new edition"],
  "admin.home.edition": ["Edisi", "Edition"],
  "admin.home.year": ["Tahun", "Year"],
  "admin.home.level": ["Tingkat", "Level"],
  "admin.home.status": ["Status", "Status"],
  "admin.home.committee": ["Panitia", "Committee"],
  "admin.home.noCommittee": ["Belum ada panitia", "No committee yet"],
  "admin.home.manage": ["Kelola panitia", "Manage the committee"],
  "admin.settings.title": ["Pengaturan", "Settings"],
  "admin.settings.editionsLegend": ["Siapa yang membuat edisi", "Who creates editions"],
  "admin.settings.committeeMayCreate": [
    "Panitia boleh membuat edisi baru sendiri",
    "Committee members may create new editions themselves",
  ],
  "admin.settings.committeeMayCreateHint": [
    "Jika dimatikan (bawaan), hanya sekretariat yang membuat edisi dan mengangkat panitianya. Jika dinyalakan, setiap anggota panitia dapat membuat edisi dan otomatis menjadi panitianya.",
    "When off (the default), only the secretariat creates editions and appoints their committees. When on, any committee member can create an edition and becomes its committee.",
  ],
  "admin.settings.save": ["Simpan pengaturan", "Save the settings"],
  "admin.settings.saved": ["Pengaturan telah disimpan.", "The settings have been saved."],
  "admin.settings.unchanged": ["Pengaturan tidak berubah.", "The settings did not change."],
  "admin.edition.back": ["Kembali ke semua edisi", "Back to all editions"],
  "admin.edition.newIntro": [
    "Setelah edisi dibuat, Anda akan diarahkan ke halamannya untuk mengangkat panitia.",
    "Once the edition is created, you go to its page to appoint its committee.",
  ],
  "admin.edition.committeeLegend": ["Panitia edisi", "The edition's committee"],
  "admin.edition.joinCommittee": [
    "Jadikan saya juga anggota panitia edisi ini",
    "Make me a committee member of it too",
  ],
  "admin.edition.createdAppoint": [
    "Edisi telah dibuat. Sekarang angkat panitianya.",
    "The edition has been created. Now appoint its committee.",
  ],
  "admin.edition.committeeTitle": ["Panitia", "Committee"],
  "admin.edition.committeeEmpty": [
    "Edisi ini belum punya panitia. Angkat paling sedikit satu anggota panitia.",
    "This edition has no committee yet. Appoint at least one committee member.",
  ],
  "admin.edition.since": ["Sejak", "Since"],
  "admin.edition.actions": ["Tindakan", "Actions"],
  "admin.edition.remove": ["Berhentikan", "Remove"],
  "admin.edition.removed": [
    "{name} tidak lagi menjadi panitia edisi ini.",
    "{name} is no longer on this edition's committee.",
  ],
  "admin.edition.removeLast": [
    "Anggota panitia terakhir tidak dapat diberhentikan: angkat penggantinya lebih dulu.",
    "The last committee member cannot be removed: appoint their successor first.",
  ],
  "admin.edition.appointTitle": ["Angkat anggota panitia", "Appoint a committee member"],
  "admin.edition.appointIntro": [
    "Jika email sudah punya akun, orang itu langsung menjadi panitia. Jika belum, Anda mendapat tautan undangan sekali pakai untuk dikirimkan kepadanya.",
    "If the email already has an account, that person joins the committee at once. If not, you get a one-time invitation link to send them.",
  ],
  "admin.edition.nameOptional": ["Nama (tidak wajib)", "Name (optional)"],
  "admin.edition.appoint": ["Angkat", "Appoint"],
  "admin.edition.appointed": ["{email} kini menjadi panitia edisi ini.", "{email} is now on this edition's committee."],
  "admin.edition.alreadyCommittee": [
    "{email} sudah menjadi panitia edisi ini.",
    "{email} is already on this edition's committee.",
  ],
  "admin.edition.openInvitations": ["Undangan panitia yang belum dipakai", "Committee invitations not used yet"],
  "admin.edition.openConsole": ["Buka konsol panitia edisi ini", "Open this edition's committee console"],
} as const satisfies Record<string, readonly [string, string]>;
