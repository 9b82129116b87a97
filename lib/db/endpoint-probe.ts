/**
 * Watches one endpoint with one cheap query every few hundred milliseconds on
 * a connection of its own (so a busy pool never delays it, and its latency is
 * the server's): is it reachable, how fast, is it a writer or a replica, and
 * what WAL position has it written (writer) or replayed (replica).
 */
import "server-only";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { driverError } from "./driver-error";
import { parseLsn } from "./lsn";

export type ProbeSample = {
  reachable: boolean;
  /** Date.now() when the probe was sent and when its answer (or failure) arrived. */
  startedAt: number;
  at: number;
  latencyMs?: number;
  inRecovery?: boolean;
  /** Writer: pg_current_wal_lsn(). Replica: pg_last_wal_replay_lsn(). */
  lsn?: bigint;
  /** The replica's own estimate (0 when it has replayed all it received). */
  ownLagSeconds?: number;
  /** Why it is unreachable: a driver message or SQLSTATE, never a URL. */
  reason?: string;
};

const QUERY = `select pg_is_in_recovery() as in_recovery,
  case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end::text as lsn,
  case when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
       else extract(epoch from now() - pg_last_xact_replay_timestamp()) end::float8 as own_lag`;

type Row = { in_recovery: boolean; lsn: string | null; own_lag: number | null };

export type ProbeOptions = { url: string; intervalMs: number; timeoutMs: number; connectTimeoutMs: number };

export class EndpointProbe {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private latest: ProbeSample | undefined;
  private readonly listeners = new Set<(sample: ProbeSample) => void>();
  private readonly first: Promise<void>;
  private resolveFirst!: () => void;

  constructor(private readonly options: ProbeOptions) {
    this.first = new Promise((resolve) => {
      this.resolveFirst = resolve;
    });
  }

  get sample(): ProbeSample | undefined {
    return this.latest;
  }

  /** Resolves once the first probe has answered or failed. */
  firstSample(): Promise<void> {
    return this.first;
  }

  onSample(listener: (sample: ProbeSample) => void): void {
    this.listeners.add(listener);
  }

  start(): void {
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.dropClient();
  }

  private async tick(): Promise<void> {
    const sample = await this.probeOnce();
    if (this.stopped) return;
    this.latest = sample;
    for (const listener of this.listeners) listener(sample);
    this.resolveFirst();
    this.timer = setTimeout(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  private async probeOnce(): Promise<ProbeSample> {
    const startedAt = Date.now();
    try {
      const client = await this.connected();
      const started = performance.now();
      const { rows } = await client.query<Row>(QUERY);
      const latencyMs = performance.now() - started;
      const row = rows[0];
      return {
        reachable: true,
        startedAt,
        at: Date.now(),
        latencyMs,
        inRecovery: row?.in_recovery,
        lsn: row?.lsn ? parseLsn(row.lsn) : undefined,
        ownLagSeconds: row?.own_lag ?? undefined,
      };
    } catch (error) {
      // A connection that failed once is not trusted again: the next tick opens a fresh one.
      await this.dropClient();
      const e = driverError(error);
      return { reachable: false, startedAt, at: Date.now(), reason: e.code ? `${e.code}: ${e.message}` : e.message };
    }
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: "rdsdeck-probe",
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      statement_timeout: this.options.timeoutMs,
      query_timeout: this.options.timeoutMs, // a frozen server never answers, not even to cancel
    });
    // Errors on an idle connection (server gone) surface at the next query; without a listener they would crash.
    client.on("error", () => {});
    await client.connect();
    this.client = client;
    return client;
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // end() waits for the server's goodbye, which a frozen server never sends.
    if (client) await Promise.race([client.end().catch(() => {}), new Promise((r) => setTimeout(r, 100).unref())]);
  }
}
