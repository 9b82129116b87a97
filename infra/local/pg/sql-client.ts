/** Connections the engine itself makes to its nodes: TLS verified against the fleet CA. */
import pg from "pg";

export type NodeAddress = { host: string; port: number };
export type Login = { username: string; password: string };

export type NodeClientOptions = {
  database?: string;
  /**
   * How long one statement may take before the client gives up on it. The
   * default suits probes: a node that hangs (SIGSTOP, full disk) must fail
   * them, not stall them. Statements that wait for real work (a checkpoint,
   * a promotion) pass a limit sized for a busy node instead.
   */
  queryTimeoutMs?: number;
};

/**
 * The engine is the fleet's control plane: a storage-full node refuses the
 * application's writes (its config makes transactions read only), never the
 * engine's own housekeeping (extensions at boot, replication slots, backups).
 */
export const ENGINE_SESSION_OPTIONS = "-c default_transaction_read_only=off";

/** Long enough for a checkpoint or a promotion on a node busy with writes; short of "hung forever". */
export const SLOW_STATEMENT_TIMEOUT_MS = 300_000;

export function nodeClient(at: NodeAddress, login: Login, caCertPem: string, opts: NodeClientOptions = {}): pg.Client {
  return new pg.Client({
    host: at.host,
    port: at.port,
    user: login.username,
    password: login.password,
    database: opts.database ?? "postgres",
    ssl: { ca: caCertPem, rejectUnauthorized: true },
    connectionTimeoutMillis: 3_000,
    query_timeout: opts.queryTimeoutMs ?? 5_000,
    application_name: "rdsdeck-engine",
    options: ENGINE_SESSION_OPTIONS,
  });
}

/** Runs fn with a fresh connection, always closing it. */
export async function withNode<T>(
  at: NodeAddress,
  login: Login,
  caCertPem: string,
  fn: (c: pg.Client) => Promise<T>,
  opts?: NodeClientOptions,
): Promise<T> {
  const client = nodeClient(at, login, caCertPem, opts);
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
