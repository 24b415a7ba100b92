export const auth = {
  "login.title": ["Masuk", "Sign in"],
  "login.email": ["Email", "Email"],
  "login.password": ["Kata sandi", "Password"],
  "login.submit": ["Masuk", "Sign in"],
  "login.failed": ["Email atau kata sandi salah.", "Wrong email or password."],
  "login.throttled": [
    "Terlalu banyak percobaan yang gagal. Coba lagi dalam {seconds} detik.",
    "Too many failed attempts. Try again in {seconds} seconds.",
  ],
  "login.emailInvalid": ["Masukkan alamat email yang valid.", "Enter a valid email address."],
  "login.passwordRequired": ["Masukkan kata sandi.", "Enter your password."],
  "login.signedOut": ["Anda telah keluar.", "You have signed out."],
  "login.noRole": [
    "Akun Anda belum memiliki peran pada edisi mana pun. Hubungi panitia.",
    "Your account has no role in any edition yet. Please contact the committee.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
