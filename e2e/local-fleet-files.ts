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

/** Connections as the master user to the writer endpoint, TLS verified, as an app would open them. */
export async function openWriterConnections(count: number): Promise<pg.Client[]> {
  const dir = e2eDataDir();
  const info = JSON.parse(readFileSync(path.join(dir, "engine.json"), "utf8")) as {
    databaseName: string;
    caCertPath: string;
    endpoints: { role: string; host: string; port: number }[];
  };
  const { master } = JSON.parse(readFileSync(path.join(dir, "credentials.json"), "utf8")) as {
    master: { username: string; password: string };
  };
  const writer = info.endpoints.find((e) => e.role === "writer");
  if (!writer) throw new Error(`engine.json in ${dir} names no writer endpoint`);
  const ca = readFileSync(info.caCertPath, "utf8");
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const client = new pg.Client({
        host: writer.host,
        port: writer.port,
        user: master.username,
        password: master.password,
        database: info.databaseName,
        ssl: { ca, rejectUnauthorized: true },
        application_name: "rdsdeck-e2e-load",
        connectionTimeoutMillis: 5_000,
      });
      await client.connect();
      clients.push(client);
    }
    return clients;
  } catch (error) {
    await Promise.allSettled(clients.map((c) => c.end()));
    throw error;
  }
}
