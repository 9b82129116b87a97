/**
 * One sign-in attempt per account (and per address) at a time, across every
 * app process: PostgreSQL advisory locks in the store, so checking the count,
 * verifying the password and recording the outcome are one step, and fifty
 * parallel guesses are held to the limit as surely as fifty in a row.
 *
 * Waiting attempts hold a connection of a small pool of their own, never one
 * of the store's pool: the attempt holding the lock needs that pool to verify
 * and record, and must never wait behind the attempts waiting for it.
 */
import "server-only";
import pg from "pg";
import { getConfig } from "../config";
import { storeNotConfigured } from "../store/store-db";

/** The first half of every sign-in lock key ("rdsdeck sign-in"); the second is the hash of the account or address. */
const SIGN_IN_LOCK_CLASS = 0x7369676e;
/** Attempts wait at most this long for the one before them; scrypt takes a fraction of a second. */
const WAIT_MS = 30_000;

const globalKey = Symbol.for("rdsdeck.signInLocks");
type Holder = { [globalKey]?: pg.Pool };

function lockPool(): pg.Pool {
  const holder = globalThis as Holder;
  const url = getConfig().auth.storeUrl;
  if (!url) throw storeNotConfigured();
  holder[globalKey] ??= new pg.Pool({
    connectionString: url,
    application_name: "rdsdeck-sign-in-lock",
    max: 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: WAIT_MS,
    statement_timeout: WAIT_MS,
    query_timeout: WAIT_MS + 500,
  });
  holder[globalKey].on("error", () => {}); // an idle connection lost: the next attempt opens another
  return holder[globalKey];
}

/** Runs `step` holding the account's lock, then the address's (always in that order, so two never deadlock). */
export async function withSignInLock<T>(
  keys: { account: string; address: string | null | undefined },
  step: () => Promise<T>,
): Promise<T> {
  const client = await lockPool().connect();
  const names = [`account:${keys.account}`, ...(keys.address ? [`address:${keys.address}`] : [])];
  try {
    for (const name of names) {
      await client.query("select pg_advisory_lock($1, hashtext($2))", [SIGN_IN_LOCK_CLASS, name]);
    }
    return await step();
  } finally {
    // Session locks end with the connection: if unlocking fails, drop it rather than pool one holding a lock.
    await client.query("select pg_advisory_unlock_all()").then(
      () => client.release(),
      () => client.release(true),
    );
  }
}

/** Closes the lock pool (tests, shutdown). */
export async function closeSignInLocks(): Promise<void> {
  const holder = globalThis as Holder;
  const pool = holder[globalKey];
  holder[globalKey] = undefined;
  await pool?.end();
}
