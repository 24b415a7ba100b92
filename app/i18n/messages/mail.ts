// What every message has (greeting, footer, unsubscribe); each event's texts are in mail-*.ts.
export const mail = {
  "mail.greeting": ["Yth. Bapak/Ibu,", "Dear Sir or Madam,"],
  "mail.footer.automatic": [
    "Pesan ini dikirim otomatis oleh sistem Paritrana Award. Mohon tidak membalas e-mail ini.",
    "This message was sent automatically by the Paritrana Award system. Please do not reply to it.",
  ],
  "mail.footer.inbox": [
    "Semua pesan Anda juga ada di aplikasi, menu Pesan",
    "All your messages are also in the app, under Messages",
  ],
  "mail.footer.unsubscribe": ["Berhenti menerima pengingat tenggat", "Stop receiving deadline reminders"],
} as const satisfies Record<string, readonly [string, string]>;
