/**
 * What every users query selects: exactly the API's user object, so rows go
 * to JSON.stringify as they come. Timestamps are formatted by PostgreSQL as
 * RFC 3339 in UTC with all six fractional digits: no Date round trip (which
 * would drop microseconds), and the text doubles as the exact list cursor.
 */
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { users } from "../db/schema";

const RFC3339_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const rfc3339 = (column: PgColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', ${sql.raw(RFC3339_UTC)})`;

export const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  created_at: rfc3339(users.createdAt),
  updated_at: rfc3339(users.updatedAt),
};

/** The same columns as SQL text, for the batched statements written by hand (lib/users/batched). */
export const USER_COLUMNS_SQL = [
  "id",
  "name",
  "email",
  `to_char(created_at at time zone 'UTC', ${RFC3339_UTC}) as created_at`,
  `to_char(updated_at at time zone 'UTC', ${RFC3339_UTC}) as updated_at`,
].join(", ");

/** A user as the API returns it. */
export type UserRecord = { id: number; name: string; email: string; created_at: string; updated_at: string };
