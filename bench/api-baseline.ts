/**
 * `npm run bench:api-baseline`: how close the users API's GET by id comes to
 * the floor this machine sets. Runs rdsdeck and a bare node:http + pg server
 * (bench/baseline/bare-node-pg.mjs: TLS, one prepared statement, nothing
 * else) against the same replica, alternating rounds so both see the same
 * noise, and prints req/s, p99 and CPU per request of the server and of
 * PostgreSQL, then the medians and their ratio.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { drive, type LoadResult } from "./support/load";
import { cpuBetween, sampleCpu } from "./support/process-cpu";
import { createBenchKey, seedUsers } from "./support/seed";
import { startStack } from "./support/stack";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3401);

const stack = await startStack(Number(process.env.BENCH_APP_PORT ?? 3300));
const bare = spawn(process.execPath, [path.join(import.meta.dirname, "baseline", "bare-node-pg.mjs")], {
  env: { ...process.env, READER_URL: stack.env.DATABASE_READER_URLS?.split(",")[0], PORT: String(BARE_PORT) },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise((resolve, reject) => {
    bare.stdout.once("data", resolve);
    bare.once("exit", (code) => reject(new Error(`the bare baseline exited (${code}) before it was ready`)));
  });
  const ids = await seedUsers(stack, 10_000);
  const key = await createBenchKey(stack);
  const scenario = {
    name: "GET /api/v1/users/:id",
    path: "/api/v1/users/1",
    wrkScript: "get-user.lua",
    nextRequest: () => ({ path: `/api/v1/users/${ids.min + Math.floor(Math.random() * (ids.max - ids.min + 1))}` }),
  };
  const env = { BENCH_MIN_ID: String(ids.min), BENCH_MAX_ID: String(ids.max) };
  const classify = (bareServer: boolean) => (comm: string, cmdline: string) =>
    comm.startsWith("postgres")
      ? "postgres"
      : bareServer
        ? cmdline.includes("bare-node-pg")
          ? "server"
          : undefined
        : cmdline.includes("app-server")
          ? "server"
          : undefined;
  const results: Record<"rdsdeck" | "bare", LoadResult[]> = { rdsdeck: [], bare: [] };
  console.log(`GET by id, 64 connections, ${ROUNDS} alternating rounds of ${SECONDS} s (CPU µs per request)`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const who of ["rdsdeck", "bare"] as const) {
      const url = who === "rdsdeck" ? stack.url : `http://127.0.0.1:${BARE_PORT}`;
      const before = sampleCpu(classify(who === "bare"));
      const r = await drive(url, scenario, {
        seconds: SECONDS,
        connections: 64,
        headers: { authorization: `Bearer ${key}` },
        env,
      });
      const used = cpuBetween(before, sampleCpu(classify(who === "bare")));
      const perRequest = (g: string) => (((used[g] ?? 0) / (r.requestsPerSecond * SECONDS)) * 1e6).toFixed(0);
      results[who].push(r);
      console.log(
        `${who.padEnd(8)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${r.p99Ms.toFixed(1).padStart(5)} ms  errors ${r.errors}  server ${perRequest("server")} µs  postgres ${perRequest("postgres")} µs`,
      );
    }
  }
  const median = (rs: LoadResult[]) =>
    [...rs].map((r) => r.requestsPerSecond).sort((a, b) => a - b)[Math.floor(rs.length / 2)] ?? 0;
  const [mine, floor] = [median(results.rdsdeck), median(results.bare)];
  console.log(
    `median: rdsdeck ${mine.toFixed(0)} req/s, bare node:http + pg ${floor.toFixed(0)} req/s, ratio ${(mine / floor).toFixed(2)}`,
  );
} finally {
  bare.kill();
  await stack.stop();
}
