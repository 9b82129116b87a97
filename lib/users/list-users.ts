/**
 * Lists users newest first, by (created_at, id) descending so ties never
 * reorder between pages. One row more than asked says whether a next page
 * exists; its cursor is the last returned row's exact key. Identical lists
 * asked together are read once (batched/page-reads.ts).
 */
import "server-only";
import { readPage } from "./batched/page-reads";
import { type Cursor, encodeCursor } from "./cursor";
import type { UserRecord } from "./user-columns";

export type UserPage = { users: UserRecord[]; nextCursor: string | null };

export type ListUsersOptions = { limit: number; offset: number; cursor?: Cursor; minLsn?: bigint };

// Requests that shared a query get the same rows, hence the same page object (and, in the handler, one JSON text).
const pages = new WeakMap<UserRecord[], UserPage>();

export async function listUsers({ limit, offset, cursor, minLsn }: ListUsersOptions): Promise<UserPage> {
  const rows = await readPage({ limit: limit + 1, offset, cursor, minLsn });
  let page = pages.get(rows);
  if (!page) {
    const users = rows.length > limit ? rows.slice(0, limit) : rows;
    const last = users.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
    page = { users, nextCursor };
    pages.set(rows, page);
  }
  return page;
}
