/** Reads one user, from a reader when one qualifies (see lib/db/READ-ROUTING.md). */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedFor } from "../db/drizzle-db";
import { runRead } from "../db/run-read";
import { users } from "../db/schema";
import { NotFound } from "../errors";
import { type UserRecord, userColumns } from "./user-columns";

const selectById = preparedFor((db) =>
  db
    .select(userColumns)
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare("users_get_by_id"),
);

export async function getUser({ id, minLsn }: { id: number; minLsn?: bigint }): Promise<UserRecord> {
  const rows = await runRead({ minLsn }, (db) => selectById(db).execute({ id }));
  const user = rows[0];
  if (!user) throw new NotFound("User not found");
  return user;
}
