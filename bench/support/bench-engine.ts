/**
 * A local fleet of its own for a bench: the engine as a child process on a
 * fresh data directory and ports (automated backups off), its RDS client,
 * and master-user sessions to any of its endpoints.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { RDSClient } from "@aws-sdk/client-rds";
import pg from "pg";
import { readCredentials } from "../../infra/local/pg/credentials";
import { readRuntimeInfo } from "../../infra/local/runtime-info";
import { makeTempDataDir, TEST_ENGINE_ENV, testPorts } from "../../infra/local/test-support/temp-fleet";

export type BenchEngine = {
  dataDir: string;
  /** The engine process (SIGUSR2 asks it for an automated backup now). */
  process: ChildProcess;
  rds: RDSClient;
  writerPort: number;
  /** A master-user session; query_timeout 0 means none (pg checks it for truthiness). */
  connect(port?: number, queryTimeoutMs?: number): Promise<pg.Client>;
  /** Stops the engine and removes its data directory. */
  stop(): Promise<void>;
};

export async function startBenchEngine(): Promise<BenchEngine> {
  const dataDir = makeTempDataDir();
  const engine: ChildProcess = spawn(process.execPath, ["--import", "tsx", "infra/local/main.ts"], {
    env: { ...process.env, ...TEST_ENGINE_ENV, ...testPorts(), RDSDECK_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    engine.stdout?.on("data", (d: Buffer) => {
      out += d;
      if (out.includes("Local fleet ready")) resolve();
    });
    engine.once("exit", (code) => reject(new Error(`engine exited (${code}): ${out}`)));
  });
  engine.stdout?.resume();

  const info = readRuntimeInfo(dataDir);
  if (!info) throw new Error(`the engine published no runtime info in ${dataDir}`);
  const creds = readCredentials(dataDir);
  const rds = new RDSClient({ endpoint: info.apiUrl, region: info.region, credentials: creds.aws, maxAttempts: 1 });
  const writer = info.endpoints.find((e) => e.role === "writer");
  if (!writer) throw new Error("the engine published no writer endpoint");
  const connect = async (port = writer.port, queryTimeoutMs = 2_000) => {
    const c = new pg.Client({
      host: "127.0.0.1",
      port,
      user: creds.master.username,
      password: creds.master.password,
      database: info.databaseName,
      ssl: { ca: readFileSync(info.caCertPath, "utf8") },
      connectionTimeoutMillis: 2_000,
      query_timeout: queryTimeoutMs,
    });
    c.on("error", () => {}); // surfaced by the failing query, which the caller counts
    await c.connect();
    return c;
  };
  return {
    dataDir,
    process: engine,
    rds,
    writerPort: writer.port,
    connect,
    stop: async () => {
      rds.destroy();
      const exited = new Promise((r) => engine.once("exit", r));
      engine.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
