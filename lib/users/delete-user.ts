/** Deletes a user on the writer; a missing one is a 404. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedFor } from "../db/drizzle-db";
import { runWrite } from "../db/run-write";
import { users } from "../db/schema";
import { NotFound } from "../errors";

const deleteById = preparedFor((db) =>
  db
    .delete(users)
    .where(eq(users.id, sql.placeholder("id")))
    .returning({ id: users.id })
    .prepare("users_delete"),
);

/** Resolves to the writer's WAL position after the delete, for read-your-writes. */
export async function deleteUser({ id }: { id: number }): Promise<{ lsn: string }> {
  const written = await runWrite(async (db) => (await deleteById(db).execute({ id })).length);
  if (written.result === 0) throw new NotFound("User not found");
  return { lsn: written.lsn };
}
