/**
 * Read-your-writes under real replica lag: replay is paused on both replicas,
 * so they really lack every new write. A read carrying the write's position
 * must still see it (the writer serves it); a read without it may be stale;
 * once replay resumes the replicas serve reads again.
 */
import type pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { eventually } from "../../infra/local/test-support/temp-fleet";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";

let api: ApiFixture;
let admins: pg.Client[] = [];

beforeAll(async () => {
  api = await startApiFixture({ DATABASE_READER_MAX_LAG_SECONDS: "2" });
  admins = await Promise.all(api.replicaPorts.map((port) => api.connect(port, "admin")));
  await readersInRotation(true);
});
afterAll(async () => {
  for (const admin of admins) await admin.query("select pg_wal_replay_resume()").catch(() => {});
  await Promise.all(admins.map((a) => a.end()));
  await api?.stop();
});

type Health = { readers: { in_rotation: boolean; replica_lag_seconds: number | null }[] };
const health = async () => (await api.call("GET", "/health")).json as Health;
const readersInRotation = (wanted: boolean) =>
  eventually(
    async () => ((await health()).readers.every((r) => r.in_rotation === wanted) ? true : undefined),
    15_000,
    `both readers ${wanted ? "in" : "out of"} rotation`,
  );

/**
 * Scans of users each replica has served: reads that replica answered. Index and sequential
 * scans both count: on this tiny table the planner may read `id = any($1)` sequentially.
 */
async function replicaScans(): Promise<number> {
  let total = 0;
  for (const admin of admins) {
    const { rows } = await admin.query<{ n: number }>(
      "select coalesce(sum(idx_scan + seq_scan), 0)::int as n from pg_stat_user_tables where relname = 'users'",
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

test("a read carrying a write's position sees the write while replicas lag; replicas serve again after", async () => {
  for (const admin of admins) await admin.query("select pg_wal_replay_pause()");

  const created = await api.call("POST", "/api/v1/users", { body: { name: "Lagged", email: "lagged@example.com" } });
  expect(created.status).toBe(201);
  const { id } = created.json as { id: number };
  const lsn = created.headers.get("x-rdsdeck-lsn") ?? "";

  // The lag is real: replicas are still in rotation (under 2 s behind) and do not have the row.
  const stale = await api.call("GET", `/api/v1/users/${id}`);
  expect(stale.status).toBe(404);

  // With the token, by header or by cookie, the read must see it: only the writer can serve it.
  const tokens: Record<string, string>[] = [{ "x-rdsdeck-lsn": lsn }, { cookie: `rdsdeck_lsn=${lsn}` }];
  for (const headers of tokens) {
    const read = await api.call("GET", `/api/v1/users/${id}`, { headers });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(created.json);
    const list = await api.call("GET", "/api/v1/users?limit=1", { headers });
    expect((list.json as { users: unknown[] }).users).toEqual([created.json]);
  }

  // Past the lag limit, both replicas leave rotation and every read goes to the writer.
  await readersInRotation(false);
  expect((await health()).readers.every((r) => (r.replica_lag_seconds ?? 0) > 2)).toBe(true);
  expect((await api.call("GET", `/api/v1/users/${id}`)).status).toBe(200);

  for (const admin of admins) await admin.query("select pg_wal_replay_resume()");
  await readersInRotation(true);

  // Caught up: reads with the token are served by the replicas again.
  const before = await replicaScans();
  for (let i = 0; i < 20; i++) {
    const read = await api.call("GET", `/api/v1/users/${id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(read.json).toEqual(created.json);
  }
  const served = await eventually(
    async () => ((await replicaScans()) - before >= 20 ? true : undefined),
    15_000,
    "replicas to report the reads they served",
  );
  expect(served).toBe(true);
});
