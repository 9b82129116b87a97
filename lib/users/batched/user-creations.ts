/**
 * Group commit for creates: the POSTs that arrive together become one
 * multi-row insert — one statement, one commit, one wait for the synchronous
 * standby — instead of one each. Rows whose email is taken (by an existing
 * user, or by an earlier request of the same group: the first wins) are
 * skipped by ON CONFLICT DO NOTHING and answered 409 one by one. Every
 * answer carries a WAL position read after the group's commit.
 *
 * A group never answers a request with another request's error: if the
 * statement fails for a reason other than the writer being unreachable (which
 * is every request's 503), each request is retried alone and gets its own
 * outcome.
 */
import "server-only";
import { getDatabase } from "../../db/database";
import { isUnavailableError } from "../../db/driver-error";
import { MicroBatch } from "../../db/micro-batch";
import { awaitAnswer, type PendingAnswer } from "../../db/pending-answer";
import { positionAfterCommit, runWrite, type Written } from "../../db/run-write";
import { writerUnavailable } from "../../db/writer-unavailable";
import { emailTaken, emailTakenConflict } from "../email-taken";
import { USER_COLUMNS_SQL, type UserRecord } from "../user-columns";

// distinct on (lower(email)) keeps each email's first request (lowest ordinality), as the unique index compares them.
const INSERT_GROUP = {
  name: "users_create_group",
  text: `with input as (
    select name, email, ord from unnest($1::text[], $2::text[]) with ordinality as i(name, email, ord)
  ), first_of_each as (
    select distinct on (lower(email)) name, email, ord from input order by lower(email), ord
  )
  insert into users (name, email) select name, email from first_of_each order by ord
  on conflict (lower(email)) do nothing
  returning ${USER_COLUMNS_SQL}`,
};

const INSERT_ONE = {
  name: "users_create",
  text: `insert into users (name, email) values ($1, $2) returning ${USER_COLUMNS_SQL}`,
};

export type NewUserInput = { name: string; email: string };
type Creation = PendingAnswer<NewUserInput, Written<UserRecord>>;

// One group at a time at most a few: while they wait for the standby, the next group fills up.
const creations = new MicroBatch<Creation>({ maxSize: 256, maxInFlight: 4, send: commitGroup });

/** Creates the user in the next group commit; rejects with its own 409 or 503. */
export function createInGroup(input: NewUserInput): Promise<Written<UserRecord>> {
  return awaitAnswer(input, (creation) => creations.add(creation));
}

async function commitGroup(group: Creation[]): Promise<void> {
  let rows: UserRecord[];
  let pool: ReturnType<typeof getDatabase>["writer"]["pool"];
  try {
    pool = getDatabase().writer.pool;
    const values = [group.map((c) => c.name), group.map((c) => c.email)];
    rows = (await pool.query<UserRecord>({ ...INSERT_GROUP, values })).rows;
  } catch (error) {
    if (isUnavailableError(error)) {
      for (const creation of group) creation.reject(writerUnavailable(error));
    } else {
      await Promise.all(group.map((creation) => createAlone(creation).then(creation.resolve, creation.reject)));
    }
    return;
  }
  // The group's slot is free once it has committed: the next group need not wait for this position.
  void answerGroup(group, rows, positionAfterCommit(pool));
}

async function answerGroup(group: Creation[], rows: UserRecord[], position: Promise<string>): Promise<void> {
  const lsn = await position;
  // Each returned row is the first request (in order) with exactly its email: distinct on kept the lowest ordinality.
  const inserted = new Map<string, UserRecord>();
  for (const row of rows) inserted.set(row.email, row);
  for (const creation of group) {
    const row = inserted.get(creation.email);
    if (row) {
      inserted.delete(creation.email);
      creation.resolve({ result: row, lsn });
    } else {
      creation.reject(emailTakenConflict());
    }
  }
}

async function createAlone({ name, email }: NewUserInput): Promise<Written<UserRecord>> {
  try {
    const written = await runWrite((_db, pool) => pool.query<UserRecord>({ ...INSERT_ONE, values: [name, email] }));
    const row = written.result.rows[0];
    if (!row) throw new Error("insert returned no row");
    return { result: row, lsn: written.lsn };
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}
