/** Starts the whole stack (`npm start`'s launcher) on a fresh data directory and ports of its own. */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fleetEnv } from "../../infra/local/fleet-env";
import { readCredentials } from "../../infra/local/pg/credentials";
import { readRuntimeInfo } from "../../infra/local/runtime-info";
import { makeTempDataDir, testPorts } from "../../infra/local/test-support/temp-fleet";

export type Stack = { url: string; dataDir: string; env: Record<string, string>; stop(): Promise<void> };

export async function startStack(appPort: number): Promise<Stack> {
  const dataDir = makeTempDataDir();
  const root = path.join(import.meta.dirname, "..", "..");
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": flags for the launcher, which its
  // children (the fleet, the app server) inherit — NODE_OPTIONS refuses --cpu-prof.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...testPorts(),
      RDSDECK_DATA_DIR: dataDir,
      PORT: String(appPort),
      RDSDECK_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      const m = /dashboard ready: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`the stack exited (${code}) before it was ready:\n${out}`)));
  });
  child.stdout.resume();
  // Ready means serving: the users table exists once the app's migrations ran (they run in the background at
  // start). Without a key the API answers 401 once it serves; 503 while it cannot.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await fetch(`${url}/api/v1/users?limit=1`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200 || status === 401) break;
    if (Date.now() > deadline) throw new Error(`the users API did not answer 200 within 120 s (last status ${status})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const info = readRuntimeInfo(dataDir);
  if (!info) throw new Error("the fleet runs but published no engine.json");
  return {
    url,
    dataDir,
    env: fleetEnv(info, readCredentials(dataDir)),
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
