import { describe, expect, it } from "vitest";
import { translate } from "../../app/i18n";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "../../app/i18n/format";
import { messages } from "../../app/i18n/messages";
import { parseForm } from "../../app/lib/forms";
import { safeRedirect } from "../../app/lib/redirect";
import { z } from "zod";

describe("translation layer", () => {
  it("has a non-empty Indonesian and English text for every key", () => {
    for (const [key, pair] of Object.entries(messages)) {
      expect(pair, key).toHaveLength(2);
      expect(pair[0].trim(), key).not.toBe("");
      expect(pair[1].trim(), key).not.toBe("");
    }
  });

  it("speaks Bahasa Indonesia by default and fills placeholders", () => {
    expect(translate("id", "login.title")).toBe("Masuk");
    expect(translate("en", "login.title")).toBe("Sign in");
    expect(translate("id", "login.throttled", { seconds: 8 })).toBe(
      "Terlalu banyak percobaan yang gagal. Coba lagi dalam 8 detik.",
    );
  });
});

describe("Indonesian formats", () => {
  const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
  it("writes numbers and rupiah the Indonesian way", () => {
    expect(formatNumber(1234.5, 1)).toBe("1.234,5");
    expect(formatNumber(675000)).toBe("675.000");
    expect(nbsp(formatRupiah(838_000_000))).toBe("Rp 838.000.000");
    expect(formatPercent(49.74, 2)).toBe("49,74%");
    expect(formatNumber(null)).toBe("–");
  });
  it("writes dates day-month-year in the UI language, Jakarta time", () => {
    expect(formatDate("2024-04-22T03:00:00Z", "id")).toBe("22 April 2024");
    expect(formatDate("2024-08-17T03:00:00Z", "id")).toBe("17 Agustus 2024");
    expect(formatDate("2024-08-17T03:00:00Z", "en")).toBe("17 August 2024");
    expect(nbsp(formatDate("2024-08-16T20:30:00Z", "id", true))).toMatch(/^17 Agustus 2024.*03[.:]30 WIB$/);
    expect(formatDate("not a date", "id")).toBe("–");
  });
});

describe("forms", () => {
  const schema = z.object({
    email: z.email({ error: "login.emailInvalid" }),
    password: z.string().min(1, { error: "login.passwordRequired" }),
  });
  it("translates field errors and keeps the input but never the password", () => {
    const form = new FormData();
    form.set("email", "bukan-email");
    form.set("password", "");
    const r = parseForm(schema, form, (k) => translate("id", k));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ email: "Masukkan alamat email yang valid.", password: "Masukkan kata sandi." });
    expect(r.values).toEqual({ email: "bukan-email" });
  });
});

describe("safeRedirect", () => {
  it("follows only local paths", () => {
    expect(safeRedirect("/committee?x=1")).toBe("/committee?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
  });

  it("refuses paths that a browser would read as another site (tabs, newlines, backslashes)", () => {
    for (const evil of ["/\t/evil.example", "/\n/evil.example", "/\r//evil.example", "/\\/evil.example", "/%09/x"]) {
      const to = safeRedirect(evil, "/home");
      expect(new URL(to, "http://site.test").origin, evil).toBe("http://site.test");
    }
    expect(safeRedirect("/\t/evil.example", "/home")).toBe("/home");
  });
});
