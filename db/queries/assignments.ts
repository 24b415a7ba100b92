import type { Db } from "../client";

export async function countAssignments(db: Db, userId: number) {
  const row = await db
    .selectFrom("assignments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
