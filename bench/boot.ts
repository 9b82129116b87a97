/**
 * `npm run bench:boot`: cold boot (empty data directory → all four nodes
 * replicating, RDS API answering) and warm restart, as the engine runs under
 * `npm start` (a separate process). Prints every run and the medians.
 * Goal on a 2-core machine: cold ≤ 20 s, warm ≤ 5 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { readCredentials } from "../infra/local/pg/credentials";
import { makeTempDataDir, TEST_ENGINE_ENV, testPorts } from "../infra/local/test-support/temp-fleet";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function bootOnce(dataDir: string, ports: Record<string, string>): Promise<{ ms: number; child: ChildProcess }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/main.ts"], {
    // Boot alone: the first automated backup an engine takes at start is not part of it.
    env: { ...process.env, ...TEST_ENGINE_ENV, ...ports, RDSDECK_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((_, reject) => child.once("exit", (c) => reject(new Error(`engine exited with ${c}`))));
  const apiUrl = `http://127.0.0.1:${ports.RDSDECK_API_PORT}`;
  const ready = (async () => {
    for (;;) {
      try {
        const creds = readCredentials(dataDir);
        const rds = new RDSClient({ endpoint: apiUrl, region: "us-east-1", credentials: creds.aws, maxAttempts: 1 });
        const out = await rds.send(new DescribeDBInstancesCommand({}));
        const all = out.DBInstances ?? [];
        if (all.length === 3 && all.every((i) => i.DBInstanceStatus === "available")) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  await Promise.race([ready, exited]);
  return { ms: performance.now() - t0, child };
}

async function stop(child: ChildProcess): Promise<void> {
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

const cold: number[] = [];
const warm: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const dataDir = makeTempDataDir();
  const ports = testPorts();
  try {
    const c = await bootOnce(dataDir, ports);
    cold.push(c.ms);
    await stop(c.child);
    const w = await bootOnce(dataDir, ports);
    warm.push(w.ms);
    await stop(w.child);
    console.log(`run ${run}: cold ${(c.ms / 1000).toFixed(2)} s, warm ${(w.ms / 1000).toFixed(2)} s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `median of ${RUNS}: cold boot ${(median(cold) / 1000).toFixed(2)} s (goal ≤ 20 s), warm restart ${(median(warm) / 1000).toFixed(2)} s (goal ≤ 5 s)`,
);
