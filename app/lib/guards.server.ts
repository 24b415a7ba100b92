import { redirect } from "@remix-run/node";
import type { Membership, Role, User } from "../../db/schema";
import { activeMemberships, findUser } from "../../db/queries/users";
import { getDb } from "./db.server";
import { noteRequestUser, oncePerRequest } from "./request-scope.server";
import { getSession, sessions } from "./session.server";

// Every loader and action starts with one of these guards. Anonymous visitors are sent to the
// sign-in page; signed-in users without the right role get 403; a resource that exists but
// belongs to someone else answers 404, so that its existence is not revealed.

export type ViewerMembership = Pick<Membership, "id" | "role" | "edition_id" | "organisation_id"> & {
  organisation_name: string | null;
};
export interface Viewer {
  user: Pick<User, "id" | "email" | "name">;
  memberships: ViewerMembership[];
}

/**
 * The signed-in user and their active memberships, or null. Read once per request and method
 * (app/lib/request-scope.server.ts), shared by the root loader and the route's guard; callers
 * must not change the object.
 */
export function getViewer(request: Request): Promise<Viewer | null> {
  return oncePerRequest(`viewer ${request.method} ${request.headers.get("Cookie") ?? ""}`, () => readViewer(request));
}

async function readViewer(request: Request): Promise<Viewer | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (typeof userId !== "number") return null;
  const db = await getDb();
  const user = await findUser(db, userId);
  if (!user || user.active !== 1) return null;
  noteRequestUser(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    memberships: await activeMemberships(db, user.id),
  };
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return viewer;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function hasRole(viewer: Viewer, roles: Role[], editionId?: number) {
  return viewer.memberships.some(
    (m) => roles.includes(m.role) && (editionId === undefined || m.edition_id === editionId),
  );
}

/** Committee of the given edition (or of any edition when none is given). */
export async function requireCommittee(request: Request, editionId?: number) {
  const viewer = await requireViewer(request);
  if (!hasRole(viewer, ["committee"], editionId)) forbidden();
  return viewer;
}

/** The administrator (award secretariat): creates editions and appoints their committees. */
export async function requireAdmin(request: Request) {
  const viewer = await requireViewer(request);
  if (!hasRole(viewer, ["admin"])) forbidden();
  return viewer;
}

/** Assessor or juror (of the given edition, or of any). */
export async function requirePanelMember(request: Request, editionId?: number) {
  const viewer = await requireViewer(request);
  if (!hasRole(viewer, ["assessor", "juror"], editionId)) forbidden();
  return viewer;
}

/** Member of an organisation; returns the ids of the viewer's organisations. */
export async function requireEntrant(request: Request) {
  const viewer = await requireViewer(request);
  const organisationIds = viewer.memberships.filter((m) => m.role === "entrant").map((m) => m.organisation_id!);
  if (organisationIds.length === 0) forbidden();
  return { ...viewer, organisationIds };
}

/** Where a user lands after signing in: the home of their first role. */
export function roleHome(viewer: Viewer): string | null {
  const roles = new Set(viewer.memberships.map((m) => m.role));
  if (roles.has("admin")) return "/admin";
  if (roles.has("committee")) return "/committee";
  if (roles.has("assessor") || roles.has("juror")) return "/assess";
  if (roles.has("entrant")) return "/portal";
  return null;
}

/** Parses a positive integer route parameter; anything else is a 404. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!value || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(n) || n <= 0) notFound();
  return n;
}

export async function signOut(request: Request) {
  const session = await getSession(request);
  return { "Set-Cookie": await sessions().destroySession(session) };
}

/**
 * The action of a guarded page that has no form: a POST still meets the guard first (anonymous
 * visitors are sent to sign-in), and is then refused with 405.
 */
export async function refusePost({ request }: { request: Request }): Promise<never> {
  await requireViewer(request);
  throw new Response("Method Not Allowed", { status: 405 });
}
