import { describe, expect, it, vi } from "vitest";
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Db } from "../../db/client";
import { translator } from "../../app/i18n";
import { createEdition, createEntry, createMember, createPlenary, createScoresheet, testDb } from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, dataOf } from "../security/route-calls";

// The plenary's two pages rendered on the server with what their real loaders answer: the three
// headings, the sheets as "Lembar N" with the viewer's own marked and the rank without each sheet
// as a move, the chair's forms only for the chair, and a refused form's message with its input.

let loaderData: unknown;
let actionData: unknown;
vi.mock("@remix-run/react", () => ({
  useLoaderData: () => loaderData,
  useActionData: () => actionData,
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) => h("a", { href: to, ...rest }, children),
  Form: ({ children, ...rest }: { children: ReactNode }) => h("form", rest, children),
}));
vi.mock("../../app/lib/use-t", () => ({ useLocale: () => "id", useT: () => translator("id") }));
const listPage = await import("~/routes/plenary.$plenaryId._index");
const entryPage = await import("~/routes/plenary.$plenaryId.entries.$entryId");

const world = (async () => {
  process.env.RANKING_WORKER = "off";
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large"] });
  const panel = [
    await createMember(edition.id, "assessor"),
    await createMember(edition.id, "assessor"),
    await createMember(edition.id, "assessor"),
  ];
  const entries = [];
  for (let i = 0; i < 4; i++) {
    const entry = await createEntry(edition, { category: "large", quality: 0.6 });
    const scores = i === 1 ? [20, 90, 55] : [80 - 5 * i, 80 - 5 * i, 78 - 5 * i];
    for (let k = 0; k < 3; k++) await createScoresheet(entry, panel[k]!, { score: scores[k] });
    entries.push(entry);
  }
  const plenaryId = await createPlenary(edition, { category: "large" });
  return { edition, panel, entries, plenaryId };
})();

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function render(page: "list" | "entry", userId: number, entryId?: number, answer?: unknown) {
  const { plenaryId } = await world;
  const params = { plenaryId: String(plenaryId), ...(entryId ? { entryId: String(entryId) } : {}) };
  const route = page === "list" ? listPage : entryPage;
  const path = page === "list" ? `/plenary/${plenaryId}` : `/plenary/${plenaryId}/entries/${entryId}`;
  loaderData = dataOf(await call(route.loader, path, params, { userId }));
  actionData = answer;
  return renderToStaticMarkup(h(route.default));
}

describe("the plenary's pages", () => {
  it("shows the list under its headings with links to each entry", async () => {
    const { edition, entries, plenaryId } = await world;
    const html = await render("list", edition.committee.id);
    const t = text(html);
    expect(t).toContain("Perbedaan penilaian");
    expect(t).toContain("Dekat batas lolos");
    expect(t).toContain("Lainnya");
    expect(t.indexOf(entries[1]!.organisation.name)).toBeLessThan(t.indexOf("Dekat batas lolos"));
    for (const e of entries) expect(html).toContain(`/plenary/${plenaryId}/entries/${e.id}`);
    expect(html).toContain(`/plenary/${plenaryId}/minutes`);
    expect(html).toContain('class="table-scroll"');
  });

  it("shows a panel member the sheets as Lembar N, their own marked, the rank without each, and no chair's form", async () => {
    const { panel, entries } = await world;
    const html = await render("entry", panel[1]!.id, entries[1]!.id);
    const t = text(html);
    expect(t).toMatch(/Lembar 1 .*Lembar 2 Lembar Anda .*Lembar 3/);
    expect(t).not.toContain(panel[0]!.name);
    expect(t).toMatch(/Peringkat tanpa lembar ini (\d+ → \d+ ){3}/);
    expect(t).not.toContain("Izinkan revisi");
    expect(t).not.toContain("Catat keputusan");
    expect(t).toContain("Kirim komentar");
  });

  it("gives the chair the grant and decision forms, and shows a refused form's message beside its input", async () => {
    const { edition, entries } = await world;
    const refused = {
      intent: "decide",
      target: "",
      errors: { reason: "Alasan paling sedikit 10 karakter." },
      values: { decision: "exclude", reason: "pendek" },
    };
    const t = text(await render("entry", edition.committee.id, entries[0]!.id, refused));
    expect(t).toContain("Izinkan revisi");
    expect(t).toContain("Alasan paling sedikit 10 karakter.");
    const html = await render("entry", edition.committee.id, entries[0]!.id, refused);
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*>pendek<\/textarea>/);
  });
});
