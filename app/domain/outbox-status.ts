import type { OutboxStatus } from "./notifications";

// How people see a message's state: sent, still waiting (queued, or being sent right now), or
// failed for good. The committee's outbox page counts and filters by these three.

export const OUTBOX_VIEWS = ["sent", "queued", "failed"] as const;
export type OutboxView = (typeof OUTBOX_VIEWS)[number];

const STATUSES: Record<OutboxView, readonly OutboxStatus[]> = {
  sent: ["sent"],
  queued: ["queued", "sending"],
  failed: ["failed"],
};

/** The stored statuses a view stands for. */
export function statusesOf(view: OutboxView): readonly OutboxStatus[] {
  return STATUSES[view];
}

/** The view a stored status belongs to. */
export function viewOf(status: OutboxStatus): OutboxView {
  return status === "sent" ? "sent" : status === "failed" ? "failed" : "queued";
}

export function isOutboxView(v: unknown): v is OutboxView {
  return typeof v === "string" && (OUTBOX_VIEWS as readonly string[]).includes(v);
}
