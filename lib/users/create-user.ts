/** Creates a user on the writer; a duplicate email (in any letter case) is a 409. */
import "server-only";
import { sql } from "drizzle-orm";
import { preparedFor } from "../db/drizzle-db";
import { runWrite, type Written } from "../db/run-write";
import { users } from "../db/schema";
import { emailTaken } from "./email-taken";
import { type UserRecord, userColumns } from "./user-columns";

const insertUser = preparedFor((db) =>
  db
    .insert(users)
    .values({ name: sql.placeholder("name"), email: sql.placeholder("email") })
    .returning(userColumns)
    .prepare("users_create"),
);

export async function createUser({ name, email }: { name: string; email: string }): Promise<Written<UserRecord>> {
  try {
    const written = await runWrite(async (db) => (await insertUser(db).execute({ name, email }))[0]);
    if (!written.result) throw new Error("insert returned no row");
    return { result: written.result, lsn: written.lsn };
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}
