/**
 * Test harness: a real local fleet in a fresh temporary directory, on ports of
 * its own, with helpers to connect as an application would.
 */

import { randomInt } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DBInstance, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import pg from "pg";
import pino from "pino";
import { defineFleet, type Fleet } from "../../fleet";
import { type EngineConfig, loadEngineConfig } from "../config";
import { PortInUseError } from "../engine/ports";
import { type LocalFleet, startLocalFleet } from "../local-fleet";

/**
 * A port range of its own for each fleet a test starts. Random, not derived
 * from the pid: test files may share a worker process, and other test runs
 * may be going on beside this one.
 */
export function testPorts(): { RDSDECK_PORT_BASE: string; RDSDECK_API_PORT: string } {
  // Below Linux's ephemeral range (32768–60999), where client sockets would otherwise take our ports at random.
  const base = 20000 + randomInt(0, 120) * 100;
  return { RDSDECK_PORT_BASE: String(base), RDSDECK_API_PORT: String(base + 90) };
}

/**
 * A test run that falls in the backup window (03:00–04:00 UTC) must not see
 * a scheduled snapshot make its instances busy, nor one in the maintenance
 * window (Sunday 04:00–05:00) see queued modifications apply; tests trigger
 * both themselves (`backups.backupNow`, `maintenance.applyDue`).
 */
export const TEST_ENGINE_ENV = { RDSDECK_AUTOMATED_BACKUPS: "off", RDSDECK_MAINTENANCE_WINDOW: "off" } as const;

export function makeTempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-test-"));
  chmodSync(dir, 0o711); // root's postgres account must traverse it
  return dir;
}

/**
 * RDSDECK_TEST_KEEP_FLEETS=1 keeps each test fleet's directory, with the
 * engine's log in engine.log, for finding out why a test failed.
 */
const keepFleets = process.env.RDSDECK_TEST_KEEP_FLEETS === "1";

export type TempFleet = LocalFleet & { config: EngineConfig; fleet: Fleet; dataDir: string; cleanup(): Promise<void> };

export async function startTempFleet(
  opts: { dataDir?: string; env?: Record<string, string>; store?: boolean } = {},
): Promise<TempFleet> {
  const dataDir = opts.dataDir ?? makeTempDataDir();
  const fleet = defineFleet();
  let config = loadEngineConfig({ ...TEST_ENGINE_ENV, ...testPorts(), ...opts.env, RDSDECK_DATA_DIR: dataDir });
  let local: LocalFleet;
  for (let attempt = 1; ; attempt++) {
    try {
      const log = keepFleets
        ? pino({ level: "debug" }, pino.destination({ dest: path.join(dataDir, "engine.log"), sync: true }))
        : pino({ level: "silent" });
      local = await startLocalFleet(config, fleet, log, undefined, { store: opts.store });
      break;
    } catch (error) {
      // Another test run holds one of the ports picked at random: pick again, unless the test chose them.
      if (!(error instanceof PortInUseError) || opts.env?.RDSDECK_PORT_BASE || attempt === 3) throw error;
      config = loadEngineConfig({ ...TEST_ENGINE_ENV, ...testPorts(), ...opts.env, RDSDECK_DATA_DIR: dataDir });
    }
  }
  return {
    ...local,
    config,
    fleet,
    dataDir,
    cleanup: async () => {
      await local.stop();
      if (keepFleets) console.info(`kept test fleet ${dataDir}`);
      else if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The ports a running temp fleet took, to start it again on the same ones.
 * A test that needs fixed ports takes them from a first start (which picks
 * again when another fleet on the machine holds one) rather than from
 * testPorts(), whose random pick can collide.
 */
export function fleetPorts(f: TempFleet): { RDSDECK_PORT_BASE: string; RDSDECK_API_PORT: string } {
  return { RDSDECK_PORT_BASE: String(f.config.portBase), RDSDECK_API_PORT: String(f.config.apiPort) };
}

/**
 * Stops a temp fleet and starts it again on its data directory, as a restart
 * of `npm start` would; cleaning up the new one removes the first's directory too.
 */
export async function restartTempFleet(f: TempFleet): Promise<TempFleet> {
  await f.stop();
  const again = await startTempFleet({ dataDir: f.dataDir });
  return {
    ...again,
    cleanup: async () => {
      await again.stop();
      await f.cleanup();
    },
  };
}

/** An RDS client for a fleet's local API, as an application would configure one. */
export function rdsClientFor(f: LocalFleet): RDSClient {
  return new RDSClient({
    endpoint: f.info.apiUrl,
    region: f.info.region,
    credentials: f.engine.credentials.aws,
    maxAttempts: 1,
  });
}

/** A temp fleet, its RDS client, and `seedSql` already run on the writer: how a test file that shares one fleet begins. */
export async function startSeededFleet(seedSql: readonly string[]): Promise<{ fleet: TempFleet; rds: RDSClient }> {
  const fleet = await startTempFleet();
  const rds = rdsClientFor(fleet);
  const writer = fleet.info.endpoints.find((e) => e.role === "writer");
  if (!writer) throw new Error("the temp fleet published no writer endpoint");
  const db = await connectAsMaster(fleet, writer.port);
  try {
    for (const statement of seedSql) await db.query(statement);
  } finally {
    await db.end();
  }
  return { fleet, rds };
}

/** One DB instance as DescribeDBInstances answers for it (throws DBInstanceNotFoundFault when there is none). */
export async function describeOne(rds: RDSClient, id: string): Promise<DBInstance> {
  const found = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];
  if (!found) throw new Error(`DescribeDBInstances answered no instance for ${id}`);
  return found;
}

/** A connection as the master user, TLS verified, to an endpoint port. */
export async function connectAsMaster(f: LocalFleet, port: number): Promise<pg.Client> {
  const c = new pg.Client({
    host: "127.0.0.1",
    port,
    user: f.engine.credentials.master.username,
    password: f.engine.credentials.master.password,
    database: f.info.databaseName,
    ssl: { ca: readFileSync(f.info.caCertPath, "utf8"), rejectUnauthorized: true },
    connectionTimeoutMillis: 5_000,
  });
  await c.connect();
  return c;
}

/**
 * Polls `probe` until it returns a value. Each probe is bounded by the time
 * left, so a probe that hangs (a connection that never answers) still ends
 * the wait with a message naming what was awaited.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("the last probe was still running")),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const v = await Promise.race([probe(), outOfTime]);
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    } finally {
      clearTimeout(timer);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
