import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * The data directory of the fleet playwright.config.ts started. Refuses
 * anything but a fresh directory under the system temp dir, so a test can
 * never kill a developer's own fleet.
 */
export function e2eDataDir(): string {
  const dir = process.env.RDSDECK_E2E_DATA_DIR;
  if (!dir || !path.resolve(dir).startsWith(path.join(tmpdir(), "rdsdeck-e2e-"))) {
    throw new Error(`RDSDECK_E2E_DATA_DIR must be the temporary directory playwright.config.ts creates (got ${dir})`);
  }
  return dir;
}

/** The pid of the postmaster behind a local DB instance, from its postmaster.pid (first line). */
export function postmasterPid(identifier: string): number {
  const file = path.join(e2eDataDir(), "nodes", identifier, "postmaster.pid");
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no postmaster pid in ${file}`);
  return pid;
}

type EngineInfo = {
  databaseName: string;
  caCertPath: string;
  endpoints: { role: string; host: string; port: number }[];
};

/** A connection as the master user to any endpoint of the e2e fleet, TLS verified, as an app would open it. */
export async function connectAsMaster(host: string, port: number): Promise<pg.Client> {
  const dir = e2eDataDir();
  const info = JSON.parse(readFileSync(path.join(dir, "engine.json"), "utf8")) as EngineInfo;
  const { master } = JSON.parse(readFileSync(path.join(dir, "credentials.json"), "utf8")) as {
    master: { username: string; password: string };
  };
  const client = new pg.Client({
    host,
    port,
    user: master.username,
    password: master.password,
    database: info.databaseName,
    ssl: { ca: readFileSync(info.caCertPath, "utf8"), rejectUnauthorized: true },
    application_name: "rdsdeck-e2e",
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  return client;
}

/** `count` connections to the writer endpoint; all closed again if one fails. */
export async function openWriterConnections(count: number): Promise<pg.Client[]> {
  const info = JSON.parse(readFileSync(path.join(e2eDataDir(), "engine.json"), "utf8")) as EngineInfo;
  const writer = info.endpoints.find((e) => e.role === "writer");
  if (!writer) throw new Error("engine.json names no writer endpoint");
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < count; i++) clients.push(await connectAsMaster(writer.host, writer.port));
    return clients;
  } catch (error) {
    await Promise.allSettled(clients.map((c) => c.end()));
    throw error;
  }
}
