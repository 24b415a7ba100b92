import type { Role } from "../../db/schema";

// Who may create an edition: the administrator (award secretariat) always; a committee member
// (of any edition) only when the administrator has allowed it (installation setting
// `committee_may_create_editions`, off by default).

export function mayCreateEditions(roles: Iterable<Role>, committeeMayCreate: boolean): boolean {
  const held = new Set(roles);
  return held.has("admin") || (committeeMayCreate && held.has("committee"));
}
