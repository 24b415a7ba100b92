// Deadline reminders (app/lib/mail/templates/reminder.ts), the account page and the unsubscribe page.
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
} as const satisfies Record<string, readonly [string, string]>;
