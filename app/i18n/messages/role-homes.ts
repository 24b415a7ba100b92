export const roleHomes = {
  "committee.home.title": ["Beranda panitia", "Committee home"],
  "committee.home.intro": ["Edisi yang Anda kelola.", "The editions you run."],
  "committee.home.entries": ["{count} peserta", "{count} entrants"],
  "assess.home.title": ["Beranda penilai", "Assessor home"],
  "assess.home.intro": ["Peserta yang ditugaskan kepada Anda.", "The entries assigned to you."],
  "assess.home.assigned": ["{count} penugasan", "{count} assignments"],
  "portal.home.title": ["Portal peserta", "Entrant portal"],
  "portal.home.intro": ["Pendaftaran dan bukti dukung organisasi Anda.", "Your organisation's entries and evidence."],
} as const satisfies Record<string, readonly [string, string]>;
