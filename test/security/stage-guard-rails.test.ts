import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS_BY_PERSONA } from "./personas";
import { http, signInCookie, startServer, type RunningServer } from "./server";

// Issue 10, items 1 and 4: while a stage of the edition is open (the demo's desk stage), a
// category can be neither signed off nor published, even by a committee member posting the form
// directly with the confirmation field; the refusal names the stages still open.

let server: RunningServer;
let cookie: string;
let rankingUrl: string;
let editionId: number;

beforeAll(async () => {
  server = await startServer();
  cookie = await signInCookie(server.url, ACCOUNTS_BY_PERSONA.committee);
  const category = server
    .db()
    .prepare(
      "select c.id, c.edition_id from categories c join edition_stages s on s.edition_id = c.edition_id and s.key = 'desk' where s.status = 'open' and c.key = 'regency_city'",
    )
    .get() as { id: number; edition_id: number };
  rankingUrl = `/committee/${category.edition_id}/ranking/${category.id}`;
  editionId = category.edition_id;
}, 120_000);
afterAll(() => server?.stop());

const post = (fields: Record<string, string>) =>
  http(server.url, rankingUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: server.url },
    body: new URLSearchParams(fields).toString(),
  });

describe("sign-off and publication with a stage open", () => {
  it("the ranking page offers neither button and names the open stage", async () => {
    const page = await http(server.url, rankingUrl, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Pengesahan dan pengumuman menunggu semua tahap ditutup");
    expect(page.body).toContain("Seleksi Berkas");
    expect(page.body).not.toContain('value="signoff"');
    expect(page.body).not.toContain('value="publish"');
  });

  it("refuses a sign-off posted directly, confirmed, and stores nothing", async () => {
    const res = await post({ intent: "signoff", sha256: "0".repeat(64), confirmed: "yes" });
    expect(res.status).toBe(409);
    expect(res.body).toContain("belum dapat disahkan");
    const signed = server
      .db()
      .prepare("select count(*) as n from categories where signed_off_at is not null and edition_id = ?")
      .get(editionId) as { n: number };
    expect(signed.n).toBe(0);
  });

  it("refuses a publication posted directly, confirmed, and stores nothing", async () => {
    const res = await post({ intent: "publish", confirmed: "yes" });
    expect(res.status).toBe(409);
    expect(res.body).toContain("belum dapat diumumkan");
    const published = server
      .db()
      .prepare("select count(*) as n from publications where edition_id = ?")
      .get(editionId) as { n: number };
    expect(published.n).toBe(0);
  });
});
