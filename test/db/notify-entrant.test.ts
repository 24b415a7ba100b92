import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createInvitation } from "../../db/queries/invitations";
import { invitePanelMember } from "../../db/queries/people";
import { inviteOrganisation } from "../../db/queries/organisation-invitations";
import { approveRegistration, registerOrganisation, rejectRegistration } from "../../db/queries/registrations";
import { submitEntry } from "../../db/queries/figures";
import { reopenEntry } from "../../db/queries/progress";
import { renderMessage } from "../../app/lib/mail/message.server";
import {
  addEvidenceFile,
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createOrganisation,
  createScoresheet,
  createUser,
  nominateFrom,
  publishCategory,
  requiredEvidence,
  type TestEdition,
  type TestUser,
} from "../e2e/factories";
import {
  expectWellFormed,
  factoryDb,
  MAIL_BASE,
  outboxMark,
  outboxSince,
  paramsOf,
  speaksEnglish as speaksEnglishIn,
} from "../mail/outbox-support";

// Issue 15, item 3: invitations and the entrants' changes write their messages in the same
// transaction (db/queries/entrant-mail.ts): the one-time link to the invited address, a known
// organisation invited, self-registration received/approved/rejected, the submission receipt to
// the submitter only, an entry reopened. Exactly the expected rows, none on a refused or
// rolled-back change; each rendered in its recipient's language with the edition in the subject
// and absolute links.

const BASE = MAIL_BASE;
const ready = factoryDb();

let db: Db;
beforeAll(async () => {
  db = await ready;
});

const mark = () => outboxMark(db);
const rowsSince = (since: number) => outboxSince(db, since);
const speaksEnglish = (user: TestUser) => speaksEnglishIn(db, user);

const org = (tag: string) => ({
  name: `PT Daftar ${tag}`,
  kind: "company" as const,
  region: "Kota Bontang, Kalimantan Timur",
  npp: `NPP-${tag}`,
  nib: `NIB-${tag}`,
  size: "large" as const,
});

describe("invitation", () => {
  it("sends the one-time link to the invited address, in the inviter's language, and nothing without an address", async () => {
    await ready;
    const edition = await createEdition({ categories: ["large"] });
    const committee = edition.committee;
    const now = new Date("2026-03-02T03:00:00Z");

    const since = await mark();
    const inv = await createInvitation(db, {
      kind: "organisation",
      editionId: edition.id,
      categoryId: edition.categories.large!.id,
      email: " HR@PT-Baru.test ",
      createdBy: committee.id,
      now,
    });
    const rows = await rowsSince(since);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      event: "invitation",
      edition_id: edition.id,
      user_id: null,
      to_address: "hr@pt-baru.test",
      locale: "id",
      status: "queued",
    });
    expect(paramsOf(row)).toEqual({
      kind: "organisation",
      path: `/invite/${inv.token}`,
      expiresAt: inv.expiresAt,
      editionId: edition.id,
      editionName: edition.name,
      organisationName: null,
      categoryKey: "large",
      inviterName: committee.name,
    });
    const mail = renderMessage(row);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Undangan Paritrana Award — ${edition.name}`);
    expect(mail.text).toContain(`${BASE}/invite/${inv.token}\n`);
    expect(mail.text).toContain(committee.name);
    expect(mail.text).toContain("Kategori: Perusahaan Skala Besar");
    expect(mail.text).toContain("Berlaku sampai: 16 Maret 2026 pukul 23.59 WIB");

    // A link to be passed on by hand (no address) sends nothing.
    const bare = await mark();
    await createInvitation(db, {
      kind: "organisation",
      editionId: edition.id,
      categoryId: edition.categories.large!.id,
      createdBy: committee.id,
    });
    expect(await rowsSince(bare)).toEqual([]);
  });

  it("writes an assessor invitation in English when the inviting committee member chose English", async () => {
    await ready;
    const edition = await createEdition();
    await speaksEnglish(edition.committee);
    const since = await mark();
    const res = await invitePanelMember(db, {
      editionId: edition.id,
      role: "assessor",
      email: "penilai.baru@e2e.test",
      createdBy: edition.committee.id,
    });
    if (res.kind !== "invited") throw new Error("expected an invitation");
    const rows = await rowsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to_address: "penilai.baru@e2e.test", locale: "en", user_id: null });
    expect(paramsOf(rows[0]!)).toMatchObject({ kind: "assessor", path: `/invite/${res.token}` });
    const mail = renderMessage(rows[0]!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Invitation to the Paritrana Award — ${edition.name}`);
    expect(mail.text).toContain(`invites you to ${edition.name} as Assessor`);

    // An address that already has an account gets the membership at once: no link, no invitation.
    const known = await createUser();
    const again = await mark();
    expect(
      await invitePanelMember(db, {
        editionId: edition.id,
        role: "juror",
        email: known.email,
        createdBy: edition.committee.id,
      }),
    ).toMatchObject({ kind: "added" });
    expect((await rowsSince(again)).filter((r) => r.event === "invitation")).toEqual([]);
  });

  it("a colleague's invitation names the organisation (no edition); a rolled-back one writes nothing", async () => {
    await ready;
    const organisation = await createOrganisation();
    const since = await mark();
    const inv = await createInvitation(db, {
      kind: "member",
      organisationId: organisation.id,
      email: "rekan@e2e.test",
      createdBy: organisation.member.id,
    });
    const rows = await rowsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ edition_id: null, to_address: "rekan@e2e.test", locale: "id" });
    expect(paramsOf(rows[0]!)).toMatchObject({ kind: "member", organisationName: organisation.name });
    const mail = renderMessage(rows[0]!);
    expect(mail.subject).toBe(`Undangan bergabung dengan ${organisation.name}`);
    expect(mail.text).toContain(`${BASE}/invite/${inv.token}\n`);

    const before = await mark();
    await expect(
      db.transaction().execute(async (tx) => {
        await createInvitation(tx, {
          kind: "member",
          organisationId: organisation.id,
          email: "batal@e2e.test",
          createdBy: organisation.member.id,
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rowsSince(before)).toEqual([]);
    expect(await db.selectFrom("invitations").select("id").where("email", "=", "batal@e2e.test").execute()).toEqual([]);
  });
});

describe("organisation invited", () => {
  it("tells each active member of a known organisation, in their language, with a link to the portal", async () => {
    await ready;
    const region = `Provinsi Rantai ${Date.now()}`;
    const earlier = await createEdition({ region, categories: ["large"] });
    const entry = await createEntry(earlier, { category: "large" });
    const organisation = entry.organisation;
    const colleague = await createUser();
    await db
      .insertInto("memberships")
      .values({ user_id: colleague.id, role: "entrant", organisation_id: organisation.id })
      .execute();
    await speaksEnglish(colleague);
    const gone = await createUser();
    await db
      .insertInto("memberships")
      .values({ user_id: gone.id, role: "entrant", organisation_id: organisation.id, active: 0 })
      .execute();
    const next = await createEdition({ region, categories: ["large"] });

    const since = await mark();
    const res = await inviteOrganisation(db, {
      editionId: next.id,
      categoryId: next.categories.large!.id,
      organisationId: organisation.id,
      createdBy: next.committee.id,
    });
    expect(res.ok).toBe(true);
    const rows = await rowsSince(since);
    expect(rows.map((r) => [r.user_id, r.locale, r.event])).toEqual([
      [organisation.member.id, "id", "organisation_invited"],
      [colleague.id, "en", "organisation_invited"],
    ]);
    for (const r of rows)
      expect(paramsOf(r)).toEqual({
        editionId: next.id,
        editionName: next.name,
        organisationName: organisation.name,
        categoryKey: "large",
      });
    const english = renderMessage(rows[1]!);
    expectWellFormed(english, next.name);
    expect(english.subject).toBe(`Your organisation is invited — ${next.name}`);
    expect(english.text).toContain(`${BASE}/portal\n`);

    // Asked twice: refused, and nothing more is sent.
    const again = await mark();
    expect(
      await inviteOrganisation(db, {
        editionId: next.id,
        categoryId: next.categories.large!.id,
        organisationId: organisation.id,
        createdBy: next.committee.id,
      }),
    ).toEqual({ ok: false, reason: "already_invited" });
    expect(await rowsSince(again)).toEqual([]);
  });
});

describe("self-registration", () => {
  async function register(edition: TestEdition, tag: string) {
    const res = await registerOrganisation(db, {
      editionId: edition.id,
      categoryId: edition.categories.large!.id,
      organisation: org(tag),
      user: { name: `Sari ${tag}`, email: `sari.${tag}@daftar.test`, passwordHash: "x" },
    });
    if (!res.ok) throw new Error(`registration refused: ${res.reason}`);
    return res;
  }

  it("received to the registrant; approved to the organisation's members, in their language", async () => {
    await ready;
    const edition = await createEdition({ categories: ["large"] });
    const tag = `a${Date.now()}`;
    const since = await mark();
    const res = await register(edition, tag);
    const received = await rowsSince(since);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      event: "registration_received",
      user_id: res.userId,
      to_address: `sari.${tag}@daftar.test`,
      locale: "id",
      edition_id: edition.id,
    });
    expect(paramsOf(received[0]!)).toEqual({
      editionId: edition.id,
      editionName: edition.name,
      organisationName: org(tag).name,
      categoryKey: "large",
    });
    const mail = renderMessage(received[0]!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Pendaftaran diterima — ${edition.name}`);

    // A refused registration (the same organisation again) writes nothing.
    const dup = await mark();
    expect(
      await registerOrganisation(db, {
        editionId: edition.id,
        categoryId: edition.categories.large!.id,
        organisation: org(tag),
        user: { name: "Dua", email: `dua.${tag}@daftar.test`, passwordHash: "x" },
      }),
    ).toEqual({ ok: false, reason: "duplicate" });
    expect(await rowsSince(dup)).toEqual([]);

    await db.updateTable("users").set({ locale: "en" }).where("id", "=", res.userId).execute();
    const approve = await mark();
    expect(await approveRegistration(db, res.entryId, edition.committee.id)).toEqual({ ok: true });
    const approved = await rowsSince(approve);
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ event: "registration_approved", user_id: res.userId, locale: "en" });
    expect(paramsOf(approved[0]!)).toMatchObject({ entryId: res.entryId, categoryKey: "large" });
    const english = renderMessage(approved[0]!);
    expectWellFormed(english, edition.name);
    expect(english.subject).toBe(`Registration approved — ${edition.name}`);
    expect(english.text).toContain(`${BASE}/portal/entries/${res.entryId}\n`);

    // Decided already: refused, nothing sent.
    const twice = await mark();
    expect(await rejectRegistration(db, res.entryId, edition.committee.id, "Terlambat")).toEqual({
      ok: false,
      reason: "not_pending",
    });
    expect(await rowsSince(twice)).toEqual([]);
  });

  it("rejected: the reason reaches the organisation's members", async () => {
    await ready;
    const edition = await createEdition({ categories: ["large"] });
    const res = await register(edition, `r${Date.now()}`);
    const since = await mark();
    expect(await rejectRegistration(db, res.entryId, edition.committee.id, "Bukan perusahaan skala besar")).toEqual({
      ok: true,
    });
    const rows = await rowsSince(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "registration_rejected", user_id: res.userId, locale: "id" });
    expect(paramsOf(rows[0]!)).toMatchObject({ reason: "Bukan perusahaan skala besar" });
    const mail = renderMessage(rows[0]!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Pendaftaran ditolak — ${edition.name}`);
    expect(mail.text).toContain("Alasan: Bukan perusahaan skala besar");
  });
});

describe("entry submitted and reopened", () => {
  async function completeDraft() {
    const edition = await createEdition({ categories: ["large"] });
    const entry = await createEntry(edition, { category: "large", status: "draft" });
    const keys = await requiredEvidence(edition.categories.large!.rubricId);
    for (const key of keys) await addEvidenceFile(entry, key, { name: `bukti-${key}.pdf` });
    const colleague = await createUser();
    await db
      .insertInto("memberships")
      .values({ user_id: colleague.id, role: "entrant", organisation_id: entry.organisation.id })
      .execute();
    return { edition, entry, keys, colleague };
  }

  it("the receipt goes to the submitter only, with figures, files and their SHA-256; a refused submission sends none", async () => {
    await ready;
    const { edition, entry, keys, colleague } = await completeDraft();
    await speaksEnglish(colleague);

    // Not complete yet (a required figure missing): refused, nothing sent; a check sends nothing either.
    await db.deleteFrom("entry_figures").where("entry_id", "=", entry.id).where("key", "=", "workers").execute();
    const refused = await mark();
    expect(await submitEntry(db, { entryId: entry.id, userId: colleague.id })).toMatchObject({
      ok: false,
      reason: "incomplete",
    });
    await db.insertInto("entry_figures").values({ entry_id: entry.id, key: "workers", value: 1000 }).execute();
    expect(await submitEntry(db, { entryId: entry.id, userId: colleague.id, check: true })).toEqual({ ok: true });
    expect(await rowsSince(refused)).toEqual([]);

    const now = new Date("2026-03-02T03:04:00Z");
    const since = await mark();
    expect(await submitEntry(db, { entryId: entry.id, userId: colleague.id, now })).toEqual({ ok: true });
    const rows = await rowsSince(since);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      event: "entry_submitted",
      user_id: colleague.id,
      to_address: colleague.email,
      locale: "en",
      edition_id: edition.id,
    });
    const files = await db
      .selectFrom("evidence_files")
      .select(["criterion_key", "original_name", "size", "sha256"])
      .where("entry_id", "=", entry.id)
      .orderBy("id")
      .execute();
    const params = paramsOf(row);
    expect(params).toMatchObject({
      editionId: edition.id,
      editionName: edition.name,
      entryId: entry.id,
      organisationName: entry.organisation.name,
      categoryKey: "large",
      submittedAt: now.toISOString(),
    });
    expect(params.figures).toContainEqual({ key: "workers", value: 1000 });
    expect(params.figures).toContainEqual({ key: "wages_paid", value: 4_000_000_000 });
    expect(params.figures).toContainEqual({ key: "programme_jkk", value: 1 });
    expect((params.files as { criterion: string }[]).map((f) => f.criterion)).toEqual(keys);
    expect(params.files).toEqual(
      files.map((f) =>
        expect.objectContaining({ criterion: f.criterion_key, name: f.original_name, bytes: f.size, sha256: f.sha256 }),
      ),
    );

    const mail = renderMessage(row);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Submission receipt — ${edition.name}`);
    expect(mail.text).toContain("Submitted at: 2 March 2026 at 10:04 WIB");
    expect(mail.text).toContain("Workers: 1.000");
    expect(mail.text).toContain("Wages paid (Rp per month): Rp\u00a04.000.000.000");
    for (const f of files) expect(mail.text).toContain(`${f.original_name}, 1 KB, SHA-256 ${f.sha256}`);
    expect(mail.text).toContain(`${BASE}/portal/entries/${entry.id}\n`);

    // Submitted already: refused, no second receipt.
    const twice = await mark();
    expect(await submitEntry(db, { entryId: entry.id, userId: entry.organisation.member.id })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await rowsSince(twice)).toEqual([]);
  });

  it("reopened: the reason to each active member of the organisation", async () => {
    await ready;
    const { edition, entry, colleague } = await completeDraft();
    expect(await submitEntry(db, { entryId: entry.id, userId: entry.organisation.member.id })).toEqual({ ok: true });
    await speaksEnglish(colleague);

    const since = await mark();
    const res = await reopenEntry(db, {
      editionId: edition.id,
      entryId: entry.id,
      userId: edition.committee.id,
      reason: "Lampiran BPJS tahun lalu",
    });
    expect(res.ok).toBe(true);
    const rows = await rowsSince(since);
    expect(rows.map((r) => [r.event, r.user_id, r.locale])).toEqual([
      ["entry_reopened", entry.organisation.member.id, "id"],
      ["entry_reopened", colleague.id, "en"],
    ]);
    expect(paramsOf(rows[0]!)).toEqual({
      editionId: edition.id,
      editionName: edition.name,
      entryId: entry.id,
      organisationName: entry.organisation.name,
      categoryKey: "large",
      reason: "Lampiran BPJS tahun lalu",
    });
    const mail = renderMessage(rows[1]!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Entry reopened — ${edition.name}`);
    expect(mail.text).toContain("Reason: Lampiran BPJS tahun lalu");
    expect(mail.text).toContain(`${BASE}/portal/entries/${entry.id}\n`);

    // Not submitted any more: refused, nothing sent.
    const twice = await mark();
    expect(
      await reopenEntry(db, { editionId: edition.id, entryId: entry.id, userId: edition.committee.id, reason: "x" }),
    ).toEqual({ ok: false, reason: "not_submitted" });
    expect(await rowsSince(twice)).toEqual([]);
  });

  it("a nominee's receipt lists its own files and the carried provincial files it still submits with", async () => {
    await ready;
    const province = await createEdition({ categories: ["regency_city"] });
    const winner = await createEntry(province, { category: "regency_city", quality: 0.9 });
    // A provincial file of a criterion the nominee gives no file of: it is carried and submitted.
    await addEvidenceFile(winner, "coverage", { name: "cakupan-provinsi.pdf" });
    for (let k = 0; k < 2; k++)
      await createScoresheet(winner, await createMember(province.id, "assessor"), {
        score: 80 + k,
        createdBy: province.committee.id,
      });
    await publishCategory(province, "regency_city");
    const national = await createNationalEdition({ link: [province] });
    const nominee = await nominateFrom(national, winner);
    expect(
      await reopenEntry(db, {
        editionId: national.id,
        entryId: nominee.id,
        userId: national.committee.id,
        reason: "Bukti tingkat nasional",
      }),
    ).toMatchObject({ ok: true });
    // Its own files for the required criteria supersede the carried ones of those criteria.
    const required = await requiredEvidence(national.categories.regency_city!.rubricId);
    for (const key of required) await addEvidenceFile(nominee, key, { name: `nasional-${key}.pdf` });

    const since = await mark();
    expect(await submitEntry(db, { entryId: nominee.id, userId: winner.organisation.member.id })).toEqual({
      ok: true,
    });
    const rows = (await rowsSince(since)).filter((r) => r.event === "entry_submitted");
    expect(rows).toHaveLength(1);
    const files = paramsOf(rows[0]!).files as { criterion: string; name: string; carried?: boolean }[];
    expect(files.filter((f) => !f.carried).map((f) => f.name)).toEqual(required.map((k) => `nasional-${k}.pdf`));
    expect(files.filter((f) => f.carried)).toEqual([
      expect.objectContaining({ criterion: "coverage", name: "cakupan-provinsi.pdf", carried: true }),
    ]);
    const carried = await db
      .selectFrom("evidence_files")
      .select("sha256")
      .where("entry_id", "=", winner.id)
      .where("original_name", "=", "cakupan-provinsi.pdf")
      .executeTakeFirstOrThrow();
    const mail = renderMessage(rows[0]!);
    expectWellFormed(mail, national.name);
    expect(mail.text).toContain(`cakupan-provinsi.pdf (dibawa dari tingkat provinsi), 1 KB, SHA-256 ${carried.sha256}`);
  });
});
