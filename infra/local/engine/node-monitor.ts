/**
 * Watches one physical node: whether it answers, and its replication position.
 * One lightweight query a second over a kept-open connection as rdsadmin.
 */
import type pg from "pg";
import { type Login, type NodeAddress, nodeClient } from "../pg/sql-client";
import { parseLsn } from "../pg/wal-files";

export type NodeHealth = {
  answering: boolean;
  /** Consecutive failed probes; 0 while healthy. */
  failures: number;
  inRecovery?: boolean;
  /** Replicas: seconds behind the writer, 0 when fully replayed. */
  lagSeconds?: number;
  /** Replicas/standby: whether the WAL receiver is streaming. */
  streaming?: boolean;
  /** Writer: application_names of streaming followers with their sync state. */
  followers?: { name: string; syncState: string; replayLsn: string | null }[];
  /** Writer: when the newest transaction committed (ms), if any did since the server started. */
  lastCommitAt?: number;
  /** Why the last probe failed. */
  error?: string;
  checkedAt: number;
};

const PROBE = `
select pg_is_in_recovery() as in_recovery,
  case when pg_is_in_recovery() then
    case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
         else extract(epoch from now() - pg_last_xact_replay_timestamp()) end
  end as lag_seconds,
  (select status = 'streaming' from pg_stat_wal_receiver) as streaming,
  (select coalesce(json_agg(json_build_object('name', application_name, 'syncState', sync_state, 'replayLsn', replay_lsn)), '[]'::json)
     from pg_stat_replication where application_name <> 'rdsdeck-engine') as followers,
  (select extract(epoch from timestamp) * 1000 from pg_last_committed_xact()) as last_commit_ms,
  case when pg_is_in_recovery() then null else pg_current_wal_insert_lsn()::text end as wal_lsn`;

/** How long a writer's WAL positions are remembered: LatestRestorableTime looks back this far at most. */
const WAL_SAMPLES_KEPT = 900;

export class NodeMonitor {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  health: NodeHealth = { answering: false, failures: 0, checkedAt: 0 };
  /** While a writer: its WAL insert position at each probe, oldest first. */
  readonly walSamples: { at: number; lsn: bigint }[] = [];

  constructor(
    private readonly at: NodeAddress,
    private readonly admin: Login,
    private readonly caCertPem: string,
    private readonly onChange: (health: NodeHealth) => void,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.probe().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.disconnect();
  }

  private async disconnect(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  async probe(): Promise<NodeHealth> {
    const previous = this.health;
    try {
      if (!this.client) {
        const c = nodeClient(this.at, this.admin, this.caCertPem);
        c.on("error", () => void this.disconnect());
        await c.connect();
        this.client = c;
      }
      // A WAL sample claims "every commit before this moment is at or before this position", so the moment is
      // taken before the query reads the position (a commit during the query must not count as before it), and
      // the position is the insert one, which includes a commit record before its transaction shows committed.
      const sampledAt = Date.now();
      const { rows } = await this.client.query(PROBE);
      const r = rows[0] as {
        in_recovery: boolean;
        lag_seconds: string | null;
        streaming: boolean | null;
        followers: NodeHealth["followers"];
        wal_lsn: string | null;
        last_commit_ms: string | null;
      };
      this.health = {
        answering: true,
        failures: 0,
        inRecovery: r.in_recovery,
        lagSeconds: r.lag_seconds === null ? undefined : Math.max(0, Number(r.lag_seconds)),
        streaming: r.streaming ?? false,
        followers: r.followers ?? [],
        lastCommitAt: r.last_commit_ms === null ? undefined : Number(r.last_commit_ms),
        checkedAt: Date.now(),
      };
      if (r.wal_lsn !== null) {
        this.walSamples.push({ at: sampledAt, lsn: parseLsn(r.wal_lsn) });
        if (this.walSamples.length > WAL_SAMPLES_KEPT) this.walSamples.shift();
      }
    } catch (error) {
      await this.disconnect();
      this.health = { answering: false, failures: previous.failures + 1, error: String(error), checkedAt: Date.now() };
    }
    if (previous.answering !== this.health.answering || (previous.failures === 0) !== (this.health.failures === 0)) {
      this.onChange(this.health);
    }
    return this.health;
  }
}
