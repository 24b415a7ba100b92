// Messages in the app: the committee's outbox page (committee.$editionId.outbox.tsx) and each
// person's own messages, "Pesan" (messages._index.tsx, messages.$messageId.tsx).
// [Bahasa Indonesia, English].
export const messagesUi = {
  "nav.messages": ["Pesan", "Messages"],
  "nav.messagesUnread": ["{count} belum dibaca", "{count} unread"],
  "committee.nav.outbox": ["Kotak keluar", "Outbox"],

  // What each message is about (one per event of app/domain/notifications.ts MAIL_EVENTS).
  "messages.event.invitation": ["Undangan bergabung", "Invitation to join"],
  "messages.event.organisation_invited": ["Undangan untuk organisasi", "Organisation invited"],
  "messages.event.registration_received": ["Pendaftaran diterima", "Registration received"],
  "messages.event.registration_approved": ["Pendaftaran disetujui", "Registration approved"],
  "messages.event.registration_rejected": ["Pendaftaran ditolak", "Registration rejected"],
  "messages.event.entry_submitted": ["Tanda terima pengiriman berkas", "Entry submission receipt"],
  "messages.event.entry_reopened": ["Berkas dibuka kembali", "Entry reopened"],
  "messages.event.assignment": ["Penugasan penilaian", "Assessment assignment"],
  "messages.event.conflict_declared": ["Pernyataan konflik kepentingan", "Conflict of interest declared"],
  "messages.event.reminder": ["Pengingat tenggat", "Deadline reminder"],
  "messages.event.stage_closed": ["Tahap ditutup", "Stage closed"],
  "messages.event.results_published": ["Hasil diumumkan", "Results published"],

  "messages.status.sent": ["Terkirim", "Sent"],
  "messages.status.queued": ["Dalam antrean", "Queued"],
  "messages.status.failed": ["Gagal", "Failed"],

  // The committee's outbox.
  "outbox.title": ["Kotak keluar", "Outbox"],
  "outbox.intro": [
    "Pesan e-mail edisi ini: yang sudah terkirim, yang masih dalam antrean, dan yang gagal. Isi pesan tidak ditampilkan di sini.",
    "This edition's e-mail messages: sent, still queued, and failed. Message bodies are not shown here.",
  ],
  "outbox.notSending": [
    "Server ini tidak mengirim e-mail (SMTP_URL belum diatur): pesan tetap disimpan dalam antrean dan dapat dibaca penerimanya di menu Pesan.",
    "This server is not sending e-mail (SMTP_URL is not set): messages stay queued and their recipients can read them under Messages.",
  ],
  "outbox.counts": ["Jumlah pesan menurut status", "Messages by status"],
  "outbox.filter": ["Saring pesan", "Filter messages"],
  "outbox.filter.status": ["Status", "Status"],
  "outbox.filter.event": ["Jenis pesan", "Kind of message"],
  "outbox.filter.any": ["Semua", "All"],
  "outbox.filter.apply": ["Terapkan", "Apply"],
  "outbox.filter.clear": ["Hapus saringan", "Clear filters"],
  "outbox.filter.invalid": [
    "Saringan di alamat halaman tidak dikenal dan diabaikan.",
    "A filter in the page address was not recognised and is ignored.",
  ],
  "outbox.total": ["{total} pesan", "{total} messages"],
  "outbox.empty": ["Belum ada pesan.", "No messages yet."],
  "outbox.pages": ["Halaman kotak keluar", "Outbox pages"],
  "outbox.col.subject": ["Perihal", "Subject"],
  "outbox.col.to": ["Penerima", "Recipient"],
  "outbox.col.status": ["Status", "Status"],
  "outbox.col.created": ["Dibuat", "Created"],
  "outbox.col.sent": ["Terkirim", "Sent"],
  "outbox.col.attempts": ["Percobaan", "Attempts"],
  "outbox.lastError": ["Kesalahan terakhir: {error}", "Last error: {error}"],
  "outbox.resend": ["Kirim ulang", "Resend"],
  "outbox.resent": ["Pesan dimasukkan kembali ke antrean.", "The message is queued again."],
  "outbox.resend.notFound": ["Pesan ini tidak ditemukan di edisi ini.", "This message is not in this edition."],
  "outbox.resend.notFailed": [
    "Hanya pesan yang gagal yang dapat dikirim ulang.",
    "Only a failed message can be resent.",
  ],

  // Each person's own messages.
  "messages.title": ["Pesan", "Messages"],
  "messages.intro": [
    "Pesan yang dikirim sistem kepada Anda, terbaru di atas. Pesan yang sama juga dikirim ke e-mail Anda bila server mengirim e-mail.",
    "Messages the system sent you, newest first. The same messages also go to your e-mail when the server sends e-mail.",
  ],
  "messages.empty": ["Belum ada pesan untuk Anda.", "No messages for you yet."],
  "messages.pages": ["Halaman pesan", "Message pages"],
  "messages.unread": ["Belum dibaca", "Unread"],
  "messages.received": ["Diterima {date}", "Received {date}"],
  "messages.mailSent": ["Terkirim ke e-mail {date}", "Sent to your e-mail {date}"],
  "messages.mailNotSent": ["Belum dikirim ke e-mail", "Not sent to your e-mail yet"],
  "messages.back": ["Kembali ke semua pesan", "Back to all messages"],
} as const satisfies Record<string, readonly [string, string]>;
