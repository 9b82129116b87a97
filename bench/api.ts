/**
 * `npm run bench:api`: the users API under load, as its clients use it. Starts the fleet and
 * the production app (`npm start`'s launcher, RDSDECK_APP_WORKERS as set or its default), seeds
 * 10,000 users, creates a read-write API key (every request sends it, as clients must), then
 * measures each scenario with 64 connections and with one (a lone client's latency), for
 * BENCH_ROUNDS rounds, and prints the medians.
 *
 * With BENCH_PEER_CMD (e.g. the seed's Go service, built by its own build.sh), the peer runs
 * against the same fleet (the writer's own node, TLS) and each measurement alternates between
 * the two, so both see the same machine; the table then shows rdsdeck / peer per scenario.
 */
import { loadavg } from "node:os";
import { drive, hasWrk, type LoadResult, type Scenario } from "./support/load";
import { type Peer, startPeer } from "./support/peer";
import { createBenchKey, seedUsers } from "./support/seed";
import { SideBySide } from "./support/side-by-side";
import { startStack } from "./support/stack";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const LONE_SECONDS = Number(process.env.BENCH_LONE_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const USERS = 10_000;
const PEER_CMD = process.env.BENCH_PEER_CMD;
const PEER_NAME = process.env.BENCH_PEER_NAME ?? "Go";

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

if (!hasWrk()) console.log("wrk is not installed (Debian: apt-get install -y wrk): using autocannon, which is slower");
const stack = await startStack(Number(process.env.BENCH_APP_PORT ?? 3300));
let peer: Peer | undefined;
try {
  const ids = await seedUsers(stack, USERS);
  const key = await createBenchKey(stack);
  if (PEER_CMD) peer = await startPeer(PEER_CMD, stack.dataDir, Number(process.env.BENCH_PEER_PORT ?? 3390));
  const headers = { authorization: `Bearer ${key}` };
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
          body: JSON.stringify({ name: `Bench ${posted}`, email: `bench-${process.pid}-${posted}@example.com` }),
        };
      },
    },
    { name: "GET /health", path: "/health" },
  ];
  const targets = [{ name: "rdsdeck", url: stack.url }, ...(peer ? [{ name: PEER_NAME, url: peer.url }] : [])];
  console.log(
    `users API benchmark: ${ROUNDS} rounds of ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up) at ${CONNECTIONS} connections and ${LONE_SECONDS} s at 1, per scenario and target (${targets.map((t) => t.name).join(", ")}), ${USERS} seeded users; load average ${load()}`,
  );
  const busy = new SideBySide();
  const lone = new SideBySide();
  let run = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const s of scenarios) {
      // Alternate who goes first, so neither always runs on a machine warmed (or tired) by the other.
      for (const t of round % 2 ? targets : [...targets].reverse()) {
        const env = (tag: string) => ({
          BENCH_MIN_ID: String(ids.min),
          BENCH_MAX_ID: String(ids.max),
          BENCH_RUN_ID: `${process.pid}-${++run}${tag}`,
        });
        const at = (connections: number, seconds: number, tag: string): Promise<LoadResult> =>
          drive(t.url, s, { seconds, connections, headers, env: env(tag) });
        if (WARMUP_SECONDS > 0) await at(CONNECTIONS, WARMUP_SECONDS, "w");
        const r = await at(CONNECTIONS, SECONDS, "");
        busy.add(s.name, t.name, r);
        const one = await at(1, LONE_SECONDS, "l");
        lone.add(s.name, t.name, one);
        console.log(
          `round ${round} ${t.name.padEnd(8)} ${s.name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  errors ${r.errors}  | 1 conn: p50 ${one.p50Ms.toFixed(2)} ms  p99 ${one.p99Ms.toFixed(2)} ms  (${r.tool}; load ${load()})`,
        );
      }
    }
  }
  const names = scenarios.map((s) => s.name);
  const pair: [string, string?] = [targets[0]?.name ?? "rdsdeck", targets[1]?.name];
  console.log(`\nMedians of ${ROUNDS} rounds, ${CONNECTIONS} connections:\n${busy.table(names, pair)}`);
  console.log(`\nMedians of ${ROUNDS} rounds, 1 connection (a lone client):\n${lone.table(names, pair)}`);
  console.log(`\nload average at the end: ${load()} (2 cores; above ~2.5 other work shared the machine)`);
} finally {
  await peer?.stop();
  await stack.stop();
}
