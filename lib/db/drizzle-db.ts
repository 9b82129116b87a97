/** A Drizzle handle over one pool (the writer's or a reader's), and statements prepared once per handle. */
import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";

export type Db = NodePgDatabase<Record<string, never>>;

export function drizzleOver(pool: pg.Pool): Db {
  return drizzle(pool);
}

/**
 * Wraps a statement builder so each handle builds its prepared statement once.
 * The statement carries a name, so node-postgres parses it once per connection
 * and afterwards only binds and executes.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statement = cache.get(db);
    if (statement === undefined) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}
