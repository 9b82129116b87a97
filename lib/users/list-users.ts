/**
 * Lists users newest first, by (created_at, id) descending so ties never
 * reorder between pages. One row more than asked says whether a next page
 * exists; its cursor is the last returned row's exact key.
 */
import "server-only";
import { desc, sql } from "drizzle-orm";
import { preparedFor } from "../db/drizzle-db";
import { runRead } from "../db/run-read";
import { users } from "../db/schema";
import { type Cursor, encodeCursor } from "./cursor";
import { type UserRecord, userColumns } from "./user-columns";

const newestFirst = [desc(users.createdAt), desc(users.id)];

const selectPage = preparedFor((db) =>
  db
    .select(userColumns)
    .from(users)
    .orderBy(...newestFirst)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare("users_list"),
);

const selectPageAfter = preparedFor((db) =>
  db
    .select(userColumns)
    .from(users)
    .where(
      sql`(${users.createdAt}, ${users.id}) < (${sql.placeholder("createdAt")}::timestamptz, ${sql.placeholder("id")}::integer)`,
    )
    .orderBy(...newestFirst)
    .limit(sql.placeholder("limit"))
    .prepare("users_list_after"),
);

export type UserPage = { users: UserRecord[]; nextCursor: string | null };

export type ListUsersOptions = { limit: number; offset: number; cursor?: Cursor; minLsn?: bigint };

export async function listUsers({ limit, offset, cursor, minLsn }: ListUsersOptions): Promise<UserPage> {
  const rows = await runRead({ minLsn }, (db) =>
    cursor
      ? selectPageAfter(db).execute({ limit: limit + 1, createdAt: cursor.createdAt, id: cursor.id })
      : selectPage(db).execute({ limit: limit + 1, offset }),
  );
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
  return { users: page, nextCursor };
}
