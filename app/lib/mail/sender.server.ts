import type { Db } from "../../../db/client";
import type { MailTransport } from "./transport.server";

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers the due messages of the outbox (body in progress). */
export async function deliverDue(
  _db: Db,
  _opts: { transport: MailTransport | null; now?: Date; limit?: number },
): Promise<DeliveryRun> {
  return { sent: 0, retried: 0, failed: 0 };
}
