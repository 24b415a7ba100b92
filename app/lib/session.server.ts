import { createCookie, createSessionStorage } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { deleteSession, insertSession, readSession, updateSession } from "../../db/queries/users";
import { config, sessionSecret } from "./config.server";
import { getDb } from "./db.server";

const MAX_AGE_SECONDS = 60 * 60 * 12;

type SessionData = { userId: number };
type FlashData = { flash: string };

let storage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  const cookie = createCookie("__paritrana", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies,
    secrets: [sessionSecret()],
    maxAge: MAX_AGE_SECONDS,
  });
  const expiry = (expires?: Date) => (expires ?? new Date(Date.now() + MAX_AGE_SECONDS * 1000)).toISOString();
  // Sessions live in the database, so that signing out (or deactivating a user) really ends them.
  return createSessionStorage<SessionData, FlashData>({
    cookie,
    async createData(data, expires) {
      const id = randomBytes(24).toString("base64url");
      await insertSession(await getDb(), {
        id,
        userId: data.userId ?? null,
        data: JSON.stringify(data),
        expiresAt: expiry(expires),
      });
      return id;
    },
    async readData(id) {
      const row = await readSession(await getDb(), id, new Date().toISOString());
      return row ? JSON.parse(row.data) : null;
    },
    async updateData(id, data, expires) {
      await updateSession(await getDb(), {
        id,
        userId: data.userId ?? null,
        data: JSON.stringify(data),
        expiresAt: expiry(expires),
      });
    },
    async deleteData(id) {
      await deleteSession(await getDb(), id);
    },
  });
}

export function sessions() {
  return (storage ??= createStorage());
}

export async function getSession(request: Request) {
  return sessions().getSession(request.headers.get("Cookie"));
}

/** A short message shown once at the top of the next page. */
export async function flash(request: Request, message: string) {
  const session = await getSession(request);
  session.flash("flash", message);
  return { "Set-Cookie": await sessions().commitSession(session) };
}
