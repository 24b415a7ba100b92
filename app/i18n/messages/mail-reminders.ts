// Deadline reminders (app/lib/mail/templates/reminder.ts), the account page (app/routes/account.tsx)
// and the unsubscribe page (app/routes/unsubscribe.$token.tsx).
export const mailReminders = {
  "mail.reminder.entry.title": ["Pengingat: entri Anda belum dikirim", "Reminder: your entry has not been submitted"],
  "mail.reminder.entry.body": [
    "Entri {organisation} kategori {category} masih berupa draf. Kirim entri sebelum batas pendaftaran berakhir; setelah itu entri tidak dapat dikirim lagi.",
    "The entry of {organisation} in the category {category} is still a draft. Submit it before the registration deadline; after it, it can no longer be submitted.",
  ],
  "mail.reminder.entry.link": ["Buka entri", "Open the entry"],
  "mail.reminder.sheets.title": [
    "Pengingat: {count} lembar penilaian belum dikirim",
    "Reminder: {count} scoresheet(s) not submitted",
  ],
  "mail.reminder.sheets.body": [
    "Pada tahap {stage}, {count} lembar penilaian Anda belum dikirim. Mohon selesaikan dan kirim sebelum tenggat tahap ini.",
    "In the {stage} stage, {count} of your scoresheets have not been submitted. Please complete and submit them before the stage's deadline.",
  ],
  "mail.reminder.sheets.link": ["Buka daftar penilaian", "Open your assessments"],
  "mail.reminder.deadline": ["Tenggat", "Deadline"],
  "mail.reminder.left": ["Sisa waktu", "Time left"],
  "mail.reminder.daysLeft": ["{days} hari lagi", "{days} days"],
  "mail.reminder.lastDay": ["kurang dari sehari lagi", "less than a day"],
  "mail.reminder.count": ["Lembar belum dikirim", "Sheets not submitted"],
  "mail.reminder.stage": ["Tahap", "Stage"],
  "nav.account": ["Akun", "Account"],
  "account.title": ["Akun", "Account"],
  "account.name": ["Nama", "Name"],
  "account.email": ["E-mail", "E-mail"],
  "account.mail": ["Pesan e-mail", "E-mail messages"],
  "account.locale": ["Bahasa e-mail", "Language of e-mail"],
  "account.localeHint": [
    "Pesan kepada Anda ditulis dalam bahasa ini. Memilih ID atau EN di bilah atas juga mengubahnya.",
    "Messages to you are written in this language. Choosing ID or EN in the top bar changes it too.",
  ],
  "account.localeInvalid": ["Pilih Bahasa Indonesia atau English.", "Choose Bahasa Indonesia or English."],
  "account.locale.id": ["Bahasa Indonesia", "Bahasa Indonesia"],
  "account.locale.en": ["English", "English"],
  "account.reminders": ["Pengingat tenggat", "Deadline reminders"],
  "account.remindersOn": [
    "Kirimi saya pengingat 7 hari dan 1 hari sebelum tenggat",
    "Send me reminders 7 days and 1 day before a deadline",
  ],
  "account.transactional": [
    "Pesan tentang undangan, pendaftaran, entri yang dikirim atau dibuka kembali, penugasan, dan hasil selalu dikirim: pesan ini tidak dapat dimatikan.",
    "Messages about invitations, registration, entries submitted or reopened, assignments and results are always sent: they cannot be turned off.",
  ],
  "account.save": ["Simpan", "Save"],
  "account.saved": ["Pengaturan e-mail disimpan.", "E-mail settings saved."],
  "unsubscribe.title": ["Berhenti menerima pengingat tenggat", "Stop deadline reminders"],
  "unsubscribe.for": ["Untuk akun {email}.", "For the account {email}."],
  "unsubscribe.explain": [
    "Pengingat tenggat tidak akan dikirim lagi ke akun ini. Pesan lain (undangan, tanda terima, penugasan, hasil) tetap dikirim.",
    "Deadline reminders will no longer be sent to this account. Other messages (invitations, receipts, assignments, results) are still sent.",
  ],
  "unsubscribe.button": ["Berhenti menerima pengingat", "Stop reminders"],
  "unsubscribe.done": [
    "Pengingat tenggat dimatikan. Anda dapat menyalakannya lagi di halaman Akun setelah masuk.",
    "Deadline reminders are off. You can turn them on again on your Account page after signing in.",
  ],
  "unsubscribe.already": [
    "Pengingat tenggat untuk akun ini sudah dimatikan.",
    "Deadline reminders are already off for this account.",
  ],
  "unsubscribe.invalid.title": ["Tautan tidak berlaku", "This link is not valid"],
  "unsubscribe.invalid.body": [
    "Tautan berhenti berlangganan ini tidak dikenal atau telah diubah. Gunakan tautan dari e-mail pengingat, atau ubah pengaturan di halaman Akun setelah masuk.",
    "This unsubscribe link is not known or has been altered. Use the link from a reminder e-mail, or change the setting on your Account page after signing in.",
  ],
  "audit.action.user.mail_settings": ["Pengaturan e-mail diubah", "E-mail settings changed"],
  "audit.action.user.reminders_off": [
    "Pengingat tenggat dimatikan lewat tautan e-mail",
    "Deadline reminders turned off from an e-mail link",
  ],
  "audit.field.locale": ["Bahasa e-mail", "Language of e-mail"],
  "audit.field.reminders": ["Pengingat tenggat", "Deadline reminders"],
} as const satisfies Record<string, readonly [string, string]>;
