/**
 * List requests, coalesced: identical requests (same limit, offset and
 * cursor) that arrive together share one query and its answer. A query only
 * ever serves requests that were waiting before it was sent — none attaches
 * to a query already under way, whose snapshot could predate its arrival.
 * Read-your-writes holds per request, as for lookups (ReadRouter.split).
 */
import "server-only";
import { getDatabase } from "../../db/database";
import { MicroBatch } from "../../db/micro-batch";
import { awaitAnswer, type PendingAnswer } from "../../db/pending-answer";
import type { Reader } from "../../db/reader-pools";
import { runReadAt } from "../../db/run-read";
import type { Cursor } from "../cursor";
import { USER_COLUMNS_SQL, type UserRecord } from "../user-columns";

// Qualified: a bare created_at in ORDER BY would name the output column (the formatted text), which no index serves.
const NEWEST_FIRST = "order by users.created_at desc, users.id desc";
const SELECT_PAGE = {
  name: "users_list",
  text: `select ${USER_COLUMNS_SQL} from users ${NEWEST_FIRST} limit $1 offset $2`,
};
const SELECT_PAGE_AFTER = {
  name: "users_list_after",
  text: `select ${USER_COLUMNS_SQL} from users where (created_at, id) < ($2::timestamptz, $3::integer) ${NEWEST_FIRST} limit $1`,
};

export type PageQuery = { limit: number; offset: number; cursor?: Cursor; minLsn?: bigint };
type PageRead = PendingAnswer<PageQuery, UserRecord[]>;

const reads = new MicroBatch<PageRead>({ maxSize: 256, maxInFlight: 8, send: sendReads });

/** `limit` rows from `offset`, or after `cursor`, newest first. Callers that ask alike at once get the same array. */
export function readPage(query: PageQuery): Promise<UserRecord[]> {
  return awaitAnswer(query, (read) => reads.add(read));
}

const sameQuery = (q: PageQuery) =>
  q.cursor ? `${q.limit} after ${q.cursor.createdAt} ${q.cursor.id}` : `${q.limit} from ${q.offset}`;

async function sendReads(batch: PageRead[]): Promise<void> {
  let groups: Map<Reader | undefined, PageRead[]>;
  try {
    groups = getDatabase().router.split(batch);
  } catch (error) {
    for (const read of batch) read.reject(error);
    return;
  }
  const queries: Promise<void>[] = [];
  for (const [reader, group] of groups) {
    const alike = new Map<string, PageRead[]>();
    for (const read of group) {
      const key = sameQuery(read);
      const same = alike.get(key);
      if (same) same.push(read);
      else alike.set(key, [read]);
    }
    for (const same of alike.values()) queries.push(runShared(reader, same));
  }
  await Promise.all(queries);
}

async function runShared(reader: Reader | undefined, same: PageRead[]): Promise<void> {
  const q = same[0];
  if (!q) return;
  try {
    const statement = q.cursor
      ? { ...SELECT_PAGE_AFTER, values: [q.limit, q.cursor.createdAt, q.cursor.id] }
      : { ...SELECT_PAGE, values: [q.limit, q.offset] };
    const { rows } = await runReadAt(reader, (_db, pool) => pool.query<UserRecord>(statement));
    for (const read of same) read.resolve(rows);
  } catch (error) {
    for (const read of same) read.reject(error);
  }
}
