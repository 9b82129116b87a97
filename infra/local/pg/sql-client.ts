/** Connections the engine itself makes to its nodes: TLS verified against the fleet CA. */
import pg from "pg";

export type NodeAddress = { host: string; port: number };
export type Login = { username: string; password: string };

export function nodeClient(at: NodeAddress, login: Login, caCertPem: string, database = "postgres"): pg.Client {
  return new pg.Client({
    host: at.host,
    port: at.port,
    user: login.username,
    password: login.password,
    database,
    ssl: { ca: caCertPem, rejectUnauthorized: true },
    connectionTimeoutMillis: 3_000,
    // A node that hangs (SIGSTOP, full disk) must fail the probe, not stall it.
    query_timeout: 5_000,
    application_name: "rdsdeck-engine",
  });
}

/** Runs fn with a fresh connection, always closing it. */
export async function withNode<T>(
  at: NodeAddress,
  login: Login,
  caCertPem: string,
  fn: (c: pg.Client) => Promise<T>,
  database?: string,
): Promise<T> {
  const client = nodeClient(at, login, caCertPem, database);
  client.on("error", () => {}); // a node going away mid-query surfaces through the query's own rejection
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Polls until the node accepts an authenticated connection (or the deadline passes). */
export async function waitAccepting(
  at: NodeAddress,
  login: Login,
  caCertPem: string,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`postgres on port ${at.port} exited while starting; see its log`);
    try {
      await withNode(at, login, caCertPem, (c) => c.query("select 1"));
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`postgres on port ${at.port} did not accept connections within ${timeoutMs} ms: ${String(last)}`);
}
