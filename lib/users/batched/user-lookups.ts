/**
 * GET by id, batched: lookups that arrive together go to PostgreSQL as one
 * `where id = any($1)` statement per endpoint, and each gets its own row or
 * nothing. Read-your-writes still holds per lookup: the batch is split by
 * ReadRouter.split, so a lookup carrying a write's position only joins a
 * statement sent to a server that has replayed it.
 */
import "server-only";
import { getDatabase } from "../../db/database";
import { MicroBatch } from "../../db/micro-batch";
import { awaitAnswer, type PendingAnswer } from "../../db/pending-answer";
import type { Reader } from "../../db/reader-pools";
import { runReadAt } from "../../db/run-read";
import { USER_COLUMNS_SQL, type UserRecord } from "../user-columns";

const SELECT_BY_IDS = {
  name: "users_get_by_ids",
  text: `select ${USER_COLUMNS_SQL} from users where id = any($1::integer[])`,
};

type Lookup = PendingAnswer<{ id: number; minLsn?: bigint }, UserRecord | undefined>;

// Ids per statement: past a few hundred the statement's own cost dominates what batching saves.
const MAX_IDS = 128;

const lookups = new MicroBatch<Lookup>({ maxSize: MAX_IDS, maxInFlight: 8, send: sendLookups });

/** The user with this id, or undefined; read where the router says (see lib/db/READ-ROUTING.md). */
export function lookUpUser(id: number, minLsn: bigint | undefined): Promise<UserRecord | undefined> {
  return awaitAnswer({ id, minLsn }, (lookup) => lookups.add(lookup));
}

async function sendLookups(batch: Lookup[]): Promise<void> {
  let groups: Map<Reader | undefined, Lookup[]>;
  try {
    groups = getDatabase().router.split(batch);
  } catch (error) {
    for (const lookup of batch) lookup.reject(error);
    return;
  }
  await Promise.all(
    [...groups].map(async ([reader, group]) => {
      try {
        const ids = [...new Set(group.map((l) => l.id))];
        const { rows } = await runReadAt(reader, (_db, pool) =>
          pool.query<UserRecord>({ ...SELECT_BY_IDS, values: [ids] }),
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const lookup of group) lookup.resolve(byId.get(lookup.id));
      } catch (error) {
        for (const lookup of group) lookup.reject(error);
      }
    }),
  );
}
