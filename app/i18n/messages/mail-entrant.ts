// Messages to entrants and invitations (app/lib/mail/templates): invitation links, a known
// organisation invited, self-registration received/approved/rejected, the submission receipt, an
// entry reopened; and the line under a shown invitation link saying it was also e-mailed.
export const mailEntrant = {
  "mail.entrant.edition": ["Edisi", "Edition"],
  "mail.entrant.organisation": ["Organisasi", "Organisation"],
  "mail.entrant.category": ["Kategori", "Category"],
  "mail.entrant.role": ["Peran", "Role"],
  "mail.entrant.invitedBy": ["Diundang oleh", "Invited by"],
  "mail.entrant.validUntil": ["Berlaku sampai", "Valid until"],
  "mail.entrant.reason": ["Alasan", "Reason"],
  "mail.entrant.submittedAt": ["Dikirim pada", "Submitted at"],
  "mail.entrant.entryNumber": ["Nomor pendaftaran", "Entry number"],
  "mail.entrant.portalLink": ["Buka portal peserta", "Open the entrant portal"],
  "mail.entrant.entryLink": ["Lihat pendaftaran di portal", "See the entry on the portal"],
  "mail.entrant.linkSentTo": [
    "Tautan ini juga dikirim lewat e-mail ke {email}.",
    "This link was also sent by e-mail to {email}.",
  ],

  "mail.invitation.title": ["Undangan Paritrana Award", "Invitation to the Paritrana Award"],
  "mail.invitation.titleMember": ["Undangan bergabung dengan {organisation}", "Invitation to join {organisation}"],
  "mail.invitation.committee": ["Panitia", "The committee"],
  "mail.invitation.intro.organisation": [
    "{inviter} mengundang organisasi Anda mengikuti {edition} pada kategori {category}. Dengan tautan di bawah ini Anda mendaftarkan organisasi dan membuat akun sebagai anggotanya.",
    "{inviter} invites your organisation to take part in {edition}, in the category {category}. With the link below you register the organisation and create your account as its member.",
  ],
  "mail.invitation.intro.member": [
    "{inviter} mengajak Anda bergabung sebagai anggota {organisation} di portal peserta Paritrana Award.",
    "{inviter} invites you to join {organisation} as a member on the Paritrana Award entrant portal.",
  ],
  "mail.invitation.intro.panel": [
    "{inviter} mengundang Anda sebagai {role} pada {edition}.",
    "{inviter} invites you to {edition} as {role}.",
  ],
  "mail.invitation.link": ["Terima undangan", "Accept the invitation"],
  "mail.invitation.once": [
    "Tautan ini hanya dapat dipakai sekali dan berlaku sampai {date}. Mohon tidak meneruskannya kepada orang lain.",
    "The link can be used only once and is valid until {date}. Please do not pass it on.",
  ],
  "mail.invitation.ignore": [
    "Jika Anda tidak mengharapkan undangan ini, abaikan saja e-mail ini.",
    "If you did not expect this invitation, simply ignore this e-mail.",
  ],

  "mail.organisationInvited.title": ["Organisasi Anda diundang", "Your organisation is invited"],
  "mail.organisationInvited.body": [
    "Panitia mengundang {organisation} mengikuti kategori {category}. Anggota organisasi dapat menerima atau menolak undangan ini di portal peserta.",
    "The committee invites {organisation} to take part in the category {category}. Members of the organisation can accept or decline the invitation on the entrant portal.",
  ],

  "mail.registrationReceived.title": ["Pendaftaran diterima", "Registration received"],
  "mail.registrationReceived.body": [
    "Pendaftaran {organisation} pada kategori {category} telah kami terima dan menunggu persetujuan panitia. Anda akan menerima e-mail setelah panitia memutuskan.",
    "We have received the registration of {organisation} in the category {category}; it awaits the committee's approval. You will receive an e-mail once the committee has decided.",
  ],
  "mail.registrationApproved.title": ["Pendaftaran disetujui", "Registration approved"],
  "mail.registrationApproved.body": [
    "Panitia menyetujui pendaftaran {organisation} pada kategori {category}. Silakan isi data dan unggah bukti, lalu kirim pendaftaran sebelum tenggat.",
    "The committee approved the registration of {organisation} in the category {category}. Please fill in the figures and upload the evidence, then submit before the deadline.",
  ],
  "mail.registrationRejected.title": ["Pendaftaran ditolak", "Registration rejected"],
  "mail.registrationRejected.body": [
    "Panitia tidak dapat menerima pendaftaran {organisation} pada kategori {category}.",
    "The committee could not accept the registration of {organisation} in the category {category}.",
  ],

  "mail.entrySubmitted.title": ["Tanda terima pengiriman", "Submission receipt"],
  "mail.entrySubmitted.body": [
    "Pendaftaran {organisation} pada kategori {category} telah dikirim dan terkunci. Simpan e-mail ini sebagai tanda terima.",
    "The entry of {organisation} in the category {category} has been submitted and is now locked. Keep this e-mail as your receipt.",
  ],
  "mail.entrySubmitted.figures": ["Data yang dikirim:", "Figures submitted:"],
  "mail.entrySubmitted.noFigures": ["Tidak ada data angka.", "No figures."],
  "mail.entrySubmitted.files": [
    "Berkas bukti per kriteria (ukuran, SHA-256):",
    "Evidence files per criterion (size, SHA-256):",
  ],
  "mail.entrySubmitted.noFiles": ["Tidak ada berkas bukti.", "No evidence files."],
  "mail.entrySubmitted.carried": ["dibawa dari tingkat provinsi", "carried from the provincial level"],
  "mail.entrySubmitted.yes": ["Ya", "Yes"],
  "mail.entrySubmitted.no": ["Tidak", "No"],

  "mail.entryReopened.title": ["Pendaftaran dibuka kembali", "Entry reopened"],
  "mail.entryReopened.body": [
    "Panitia membuka kembali pendaftaran {organisation} pada kategori {category} agar dapat diperbaiki. Setelah diperbaiki, kirim kembali pendaftaran dari portal.",
    "The committee reopened the entry of {organisation} in the category {category} so that it can be corrected. Once corrected, submit it again from the portal.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
