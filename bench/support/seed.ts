/** What every users-API benchmark needs first: seeded users, and an API key the load cannot rate-limit. */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import type { Stack } from "./stack";

export async function seedUsers(stack: Stack, count: number): Promise<{ min: number; max: number }> {
  const writer = new pg.Client({ connectionString: stack.env.DATABASE_WRITER_URL });
  writer.on("error", (error) => console.error("seeding connection:", error.message));
  await writer.connect();
  try {
    await writer.query(
      `insert into users (name, email) select 'Seed User ' || g, 'seed-' || g || '@example.com' from generate_series(1, ${count}) g`,
    );
    const { rows } = await writer.query("select min(id)::int as min, max(id)::int as max from users");
    return { min: rows[0].min as number, max: rows[0].max as number };
  } finally {
    await writer.end();
  }
}

/** A read-write key with a limit the load cannot reach: the check itself is what is measured. */
export async function createBenchKey(stack: Stack): Promise<string> {
  const key = `rdk_${randomBytes(32).toString("base64url")}`;
  const store = new pg.Client({ connectionString: stack.env.RDSDECK_STORE_URL });
  await store.connect();
  try {
    await store.query(
      "insert into api_keys (name, prefix, hash, scope, rate_limit_per_second, created_by) values ('bench', $1, $2, 'read-write', 1000000, 'bench:api')",
      [key.slice(0, 10), createHash("sha256").update(key).digest("hex")],
    );
  } finally {
    await store.end();
  }
  await new Promise((r) => setTimeout(r, 2_500)); // the app reloads its keys every 2 s
  return key;
}
