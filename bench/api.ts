/**
 * `npm run bench:api`: the users API under load, as its clients use it. Starts
 * the fleet and the production app, seeds 10,000 users, creates a read-write
 * API key (every request sends it, as clients must), then drives each
 * scenario with 64 connections for 15 s after a 5 s warm-up, and prints req/s,
 * p50 and p99 beside the Go service's figures on the same kind of machine.
 */
import { randomUUID } from "node:crypto";
import { drive, type Scenario } from "./support/load.js";
import { createBenchKey, seedUsers } from "./support/seed.js";
import { startStack } from "./support/stack.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = 64;
const USERS = 10_000;

/** The Go (gin + lib/pq) service this API replaces, measured on this 2-core machine. */
const TARGET: Record<string, { rps: number; p99Ms: number }> = {
  "GET /api/v1/users/:id": { rps: 9_500, p99Ms: 54 },
  "GET /api/v1/users?limit=10": { rps: 8_600, p99Ms: 54 },
  "POST /api/v1/users": { rps: 5_500, p99Ms: 72 },
  "GET /health": { rps: 9_200, p99Ms: 54 },
};

const stack = await startStack(Number(process.env.BENCH_APP_PORT ?? 3300));
try {
  const ids = await seedUsers(stack, USERS);
  const key = await createBenchKey(stack);
  const headers = { authorization: `Bearer ${key}` };
  const runId = randomUUID().slice(0, 8);
  let posted = 0;
  const scenarios: Scenario[] = [
    {
      name: "GET /api/v1/users/:id",
      path: "/api/v1/users/1",
      wrkScript: "get-user.lua",
      nextRequest: () => ({ path: `/api/v1/users/${ids.min + Math.floor(Math.random() * (ids.max - ids.min + 1))}` }),
    },
    { name: "GET /api/v1/users?limit=10", path: "/api/v1/users?limit=10" },
    {
      name: "POST /api/v1/users",
      path: "/api/v1/users",
      method: "POST",
      wrkScript: "create-user.lua",
      nextRequest: () => {
        posted++;
        return {
          path: "/api/v1/users",
          body: JSON.stringify({ name: `Bench ${posted}`, email: `bench-${runId}-${posted}@example.com` }),
        };
      },
    },
    { name: "GET /health", path: "/health" },
  ];
  console.log(
    `users API benchmark: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per scenario, ${USERS} seeded users`,
  );
  for (const s of scenarios) {
    const env = { BENCH_MIN_ID: String(ids.min), BENCH_MAX_ID: String(ids.max) };
    await drive(stack.url, s, {
      seconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      headers,
      env: { ...env, BENCH_RUN_ID: `${runId}w` },
    });
    const r = await drive(stack.url, s, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      headers,
      env: { ...env, BENCH_RUN_ID: runId },
    });
    const t = TARGET[s.name];
    const verdict = t && r.requestsPerSecond >= t.rps && r.p99Ms <= t.p99Ms && r.errors === 0 ? "meets" : "MISSES";
    console.log(
      `${s.name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50Ms.toFixed(2).padStart(6)} ms  p99 ${r.p99Ms
        .toFixed(2)
        .padStart(6)} ms  errors ${r.errors}  (${r.tool}; Go: ${t?.rps} req/s, p99 ${t?.p99Ms} ms → ${verdict})`,
    );
  }
} finally {
  await stack.stop();
}
