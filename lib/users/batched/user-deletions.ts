/**
 * Group commit for deletes: the DELETEs that arrive together become one
 * `delete … where id = any($1)`, one commit. Each request gets 204 if its id
 * was deleted by this statement (of two requests for one id, the first), 404
 * otherwise — what they would get one after the other. Every answer carries
 * a WAL position read after the group's commit.
 */
import "server-only";
import { getDatabase } from "../../db/database";
import { isUnavailableError } from "../../db/driver-error";
import { MicroBatch } from "../../db/micro-batch";
import { awaitAnswer, type PendingAnswer } from "../../db/pending-answer";
import { positionAfterCommit } from "../../db/run-write";
import { writerUnavailable } from "../../db/writer-unavailable";

const DELETE_GROUP = {
  name: "users_delete_group",
  text: "delete from users where id = any($1::integer[]) returning id",
};

/** Whether the request's own delete removed the row, and the position after the commit. */
export type Deletion = { deleted: boolean; lsn: string };
type PendingDeletion = PendingAnswer<{ id: number }, Deletion>;

const deletions = new MicroBatch<PendingDeletion>({ maxSize: 256, maxInFlight: 4, send: commitGroup });

export function deleteInGroup(id: number): Promise<Deletion> {
  return awaitAnswer({ id }, (deletion) => deletions.add(deletion));
}

async function commitGroup(group: PendingDeletion[]): Promise<void> {
  let deleted: Set<number>;
  let pool: ReturnType<typeof getDatabase>["writer"]["pool"];
  try {
    pool = getDatabase().writer.pool;
    const ids = [...new Set(group.map((d) => d.id))];
    const { rows } = await pool.query<{ id: number }>({ ...DELETE_GROUP, values: [ids] });
    deleted = new Set(rows.map((r) => r.id));
  } catch (error) {
    // Ids are validated integers: only the server or the network can fail this statement.
    const answer = isUnavailableError(error) ? writerUnavailable(error) : error;
    for (const deletion of group) deletion.reject(answer);
    return;
  }
  const lsn = await positionAfterCommit(pool);
  for (const deletion of group) {
    deletion.resolve({ deleted: deleted.delete(deletion.id), lsn });
  }
}
