import { createCookie, createSession, createSessionStorage } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { deleteSession, insertSession, readSession, updateSession } from "../../db/queries/users";
import { config, sessionSecret } from "./config.server";
import { getDb } from "./db.server";
import { forgetRequestMemos, oncePerRequest } from "./request-scope.server";

const MAX_AGE_SECONDS = 60 * 60 * 12;

type SessionData = { userId: number };
type FlashData = { flash: string };

let storage: ReturnType<typeof createStorage> | undefined;
let cookie: ReturnType<typeof createCookie> | undefined;

function sessionCookie() {
  return (cookie ??= createCookie("__paritrana", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    secrets: [sessionSecret()],
    maxAge: MAX_AGE_SECONDS,
  }));
}

/** The stored data of a session (JSON), or null when there is none or it has expired. */
async function readStoredData(id: string) {
  const row = await readSession(await getDb(), id, new Date().toISOString());
  return row ? row.data : null;
}

function createStorage() {
  const expiry = (expires?: Date) => (expires ?? new Date(Date.now() + MAX_AGE_SECONDS * 1000)).toISOString();
  // Sessions live in the database, so that signing out (or deactivating a user) really ends them.
  // A write forgets what the request memoised (getSession, getViewer), so that the loaders run after
  // an action in the same request read the session as the action left it.
  return createSessionStorage<SessionData, FlashData>({
    cookie: sessionCookie(),
    async createData(data, expires) {
      const id = randomBytes(24).toString("base64url");
      await insertSession(await getDb(), {
        id,
        userId: data.userId ?? null,
        data: JSON.stringify(data),
        expiresAt: expiry(expires),
      });
      forgetRequestMemos();
      return id;
    },
    async readData(id) {
      const data = await readStoredData(id);
      return data ? JSON.parse(data) : null;
    },
    async updateData(id, data, expires) {
      await updateSession(await getDb(), {
        id,
        userId: data.userId ?? null,
        data: JSON.stringify(data),
        expiresAt: expiry(expires),
      });
      forgetRequestMemos();
    },
    async deleteData(id) {
      await deleteSession(await getDb(), id);
      forgetRequestMemos();
    },
  });
}

export function sessions() {
  return (storage ??= createStorage());
}

/**
 * The request's session, as sessions().getSession would give it, but read from the database once
 * per request and method (app/lib/request-scope.server.ts): the root loader and the route's guard
 * share the read; the loaders after an action read afresh. Each caller gets its own Session object,
 * since a Session is changed in place (flash, set).
 */
export async function getSession(request: Request) {
  const header = request.headers.get("Cookie");
  const stored = await oncePerRequest(`session ${request.method} ${header ?? ""}`, async () => {
    const id: unknown = header ? await sessionCookie().parse(header) : null;
    return typeof id === "string" && id ? { id, data: await readStoredData(id) } : { id: "", data: null };
  });
  return createSession<SessionData, FlashData>(stored.data ? JSON.parse(stored.data) : {}, stored.id);
}

/** A short message shown once at the top of the next page. */
export async function flash(request: Request, message: string) {
  const session = await getSession(request);
  session.flash("flash", message);
  return { "Set-Cookie": await sessions().commitSession(session) };
}
