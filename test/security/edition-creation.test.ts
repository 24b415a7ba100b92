import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../db/seed/demo";
import { http, signInCookie, startServer, type RunningServer } from "./server";

// Issue 13, item 7: editions are created by the administrator (award secretariat), who appoints
// their committees. A committee member could create any number of editions on their own; now
// /committee/new refuses them (loader and action) unless the administrator allows it, and the
// administrator's pages refuse everyone else.

let server: RunningServer;
let cookies: Record<"admin" | "committee" | "assessor" | "entrant", string>;

beforeAll(async () => {
  server = await startServer();
  cookies = {
    admin: await signInCookie(server.url, DEMO_LOGINS.admin),
    committee: await signInCookie(server.url, DEMO_LOGINS.committee),
    assessor: await signInCookie(server.url, DEMO_LOGINS.assessor),
    entrant: await signInCookie(server.url, DEMO_LOGINS.entrantCompany),
  };
}, 120_000);
afterAll(() => server?.stop());

const get = (path: string, cookie: string) => http(server.url, path, { headers: { Cookie: cookie } });
const post = (path: string, cookie: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
  return http(server.url, path, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
};

const editionForm = (name: string) => ({
  name,
  year: "2027",
  level: "provincial",
  region: "Kalimantan Utara",
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  categories: ["large", "medium"],
  places: "3",
  mentions: "0",
});

const editionsNamed = (name: string) =>
  server.db().prepare("SELECT id FROM editions WHERE name = ?").all(name) as { id: number }[];
const committeeOf = (editionId: number) =>
  (
    server
      .db()
      .prepare(
        `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.edition_id = ? AND m.role = 'committee' AND m.active = 1 ORDER BY u.email`,
      )
      .all(editionId) as { email: string }[]
  ).map((r) => r.email);

describe("who creates editions", () => {
  it("a committee member cannot create an edition while the administrator has not allowed it", async () => {
    expect((await get("/committee/new", cookies.committee)).status).toBe(403);
    const res = await post("/committee/new", cookies.committee, editionForm("Edisi Panitia Sendiri"));
    expect(res.status).toBe(403);
    expect(editionsNamed("Edisi Panitia Sendiri")).toEqual([]);
    // The committee home no longer offers it.
    const home = await get("/committee", cookies.committee);
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('href="/committee/new"');
  });

  it("other roles never may, and only the administrator opens the administration pages", async () => {
    for (const who of ["committee", "assessor", "entrant"] as const) {
      expect((await get("/committee/new", cookies[who])).status, who).toBe(403);
      expect((await get("/admin", cookies[who])).status, who).toBe(403);
      expect((await get("/admin/editions/1", cookies[who])).status, who).toBe(403);
      const toggle = await post("/admin", cookies[who], { intent: "settings", committeeMayCreate: "on" });
      expect(toggle.status, who).toBe(403);
      const appoint = await post("/admin/editions/1", cookies[who], { intent: "appoint", email: "x@example.go.id" });
      expect(appoint.status, who).toBe(403);
    }
    const setting = server.db().prepare("SELECT value FROM settings WHERE key = 'committee_may_create_editions'").get();
    expect(setting).toBeUndefined();
    // Anonymous visitors are sent to sign in.
    const anonymous = await http(server.url, "/admin");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("the administrator creates an edition without joining its committee, then appoints one", async () => {
    expect((await get("/admin", cookies.admin)).status).toBe(200);
    expect((await get("/committee/new", cookies.admin)).status).toBe(200);
    const res = await post("/committee/new", cookies.admin, editionForm("Edisi Sekretariat"));
    expect(res.status).toBe(302);
    const [edition] = editionsNamed("Edisi Sekretariat");
    expect(res.headers.location).toBe(`/admin/editions/${edition!.id}`);
    expect(committeeOf(edition!.id)).toEqual([]);

    // An existing account is appointed at once and may open the edition's console.
    expect((await get(`/committee/${edition!.id}`, cookies.assessor)).status).toBe(403);
    const appoint = await post(`/admin/editions/${edition!.id}`, cookies.admin, {
      intent: "appoint",
      email: DEMO_LOGINS.assessor,
    });
    expect(appoint.status).toBe(302);
    expect(committeeOf(edition!.id)).toEqual([DEMO_LOGINS.assessor]);
    expect((await get(`/committee/${edition!.id}`, cookies.assessor)).status).toBe(200);
    // The last committee member stays.
    const page = await get(`/admin/editions/${edition!.id}`, cookies.admin);
    const membershipId = /name="membershipId" value="(\d+)"/.exec(page.body)?.[1];
    await post(`/admin/editions/${edition!.id}`, cookies.admin, { intent: "remove", membershipId: membershipId! });
    expect(committeeOf(edition!.id)).toEqual([DEMO_LOGINS.assessor]);

    // Ticking "make me a committee member too" takes the administrator to the console.
    const joined = await post("/committee/new", cookies.admin, {
      ...editionForm("Edisi Bersama"),
      joinCommittee: "on",
    });
    const [together] = editionsNamed("Edisi Bersama");
    expect(joined.headers.location).toBe(`/committee/${together!.id}`);
    expect(committeeOf(together!.id)).toEqual([DEMO_LOGINS.admin]);
  });

  it("once the administrator allows it, a committee member creates an edition and is its committee", async () => {
    const toggle = await post("/admin", cookies.admin, { intent: "settings", committeeMayCreate: "on" });
    expect(toggle.status).toBe(302);
    expect((await get("/committee", cookies.committee)).body).toContain('href="/committee/new"');
    expect((await get("/committee/new", cookies.committee)).status).toBe(200);
    const res = await post("/committee/new", cookies.committee, {
      ...editionForm("Edisi Panitia Diizinkan"),
      // Only the administrator chooses; a committee member is always the committee of their edition.
      joinCommittee: "",
    });
    expect(res.status).toBe(302);
    const [edition] = editionsNamed("Edisi Panitia Diizinkan");
    expect(res.headers.location).toBe(`/committee/${edition!.id}`);
    expect(committeeOf(edition!.id)).toEqual([DEMO_LOGINS.committee]);
    // Still no way into the administration pages, and turning it off again closes the door.
    expect((await get("/admin", cookies.committee)).status).toBe(403);
    await post("/admin", cookies.admin, { intent: "settings" });
    expect((await get("/committee/new", cookies.committee)).status).toBe(403);
  });
});
