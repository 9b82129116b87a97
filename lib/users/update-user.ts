/** Replaces a user's name and email on the writer and stamps a new updated_at. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedFor } from "../db/drizzle-db";
import { runWrite, type Written } from "../db/run-write";
import { users } from "../db/schema";
import { NotFound } from "../errors";
import { emailTaken } from "./email-taken";
import { type UserRecord, userColumns } from "./user-columns";

const updateById = preparedFor((db) =>
  db
    .update(users)
    .set({ name: sql`${sql.placeholder("name")}`, email: sql`${sql.placeholder("email")}`, updatedAt: sql`now()` })
    .where(eq(users.id, sql.placeholder("id")))
    .returning(userColumns)
    .prepare("users_update"),
);

export type UpdateUserOptions = { id: number; name: string; email: string };

export async function updateUser({ id, name, email }: UpdateUserOptions): Promise<Written<UserRecord>> {
  try {
    const written = await runWrite(async (db) => (await updateById(db).execute({ id, name, email }))[0]);
    if (!written.result) throw new NotFound("User not found");
    return { result: written.result, lsn: written.lsn };
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}
