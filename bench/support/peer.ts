/**
 * The peer service bench:api measures rdsdeck against: any command (BENCH_PEER_CMD, run with
 * `sh -c`) that serves the users API's paths on $PORT from the database named by the seed's
 * variables (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME). It is pointed at the writer's
 * own postgres node, not the endpoint's forwarder, so it pays no extra hop. BENCH_DATA_DIR names
 * the fleet's data directory, for a peer that reads its settings there.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { defineFleet } from "../../infra/fleet";
import { readState } from "../../infra/local/engine/fleet-state";
import { readCredentials } from "../../infra/local/pg/credentials";
import { readRuntimeInfo } from "../../infra/local/runtime-info";

export type Peer = { url: string; stop(): Promise<void> };

/** The writer instance's current primary node: where its endpoint forwards to. */
export function writerNodePort(dataDir: string): number {
  const info = readRuntimeInfo(dataDir);
  const writerEndpoint = info?.endpoints.find((e) => e.role === "writer")?.port;
  const writer = readState(dataDir, defineFleet())?.instances.find((i) => i.endpointPort === writerEndpoint);
  if (!writer) throw new Error("bench: no writer instance in fleet-state.json");
  return writer.node.port;
}

export async function startPeer(command: string, dataDir: string, port: number): Promise<Peer> {
  const info = readRuntimeInfo(dataDir);
  if (!info) throw new Error("bench: the fleet published no engine.json");
  const creds = readCredentials(dataDir);
  const child: ChildProcess = spawn("sh", ["-c", command], {
    detached: true, // its own process group, so stopping it stops whatever the command started
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      GIN_MODE: "release",
      PORT: String(port),
      DB_HOST: "127.0.0.1",
      DB_PORT: String(writerNodePort(dataDir)),
      DB_USER: creds.master.username,
      DB_PASSWORD: creds.master.password,
      DB_NAME: info.databaseName,
      // For a peer that needs more than the seed's variables (e.g. another rdsdeck build: `npm run fleet:env`).
      BENCH_DATA_DIR: dataDir,
    },
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench: the peer exited (${child.exitCode}):\n${stderr}`);
    const status = await fetch(`${url}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bench: the peer did not answer /health with 200 within 30 s (last ${status}):\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
