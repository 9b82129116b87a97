import type pg from "pg";
import { type Login, type NodeAddress, nodeClient } from "../pg/sql-client";

/** What one node reports in one query. Counters are cumulative; the collector turns them into rates. */
export interface NodeSample {
  /** Client backends, the engine's own connections left out. */
  readonly connections: number;
  readonly inRecovery: boolean;
  /** Replicas: seconds since the last replayed transaction, 0 when all received WAL is replayed. */
  readonly replicaLagSeconds: number | undefined;
  /** Size of pg_wal. */
  readonly walBytes: number;
  /** Writer: bytes the furthest-behind replication slot still holds back. */
  readonly oldestSlotLagBytes: number | undefined;
  /** Writer: current WAL position in bytes, for TransactionLogsGeneration. */
  readonly walPositionBytes: number | undefined;
  readonly maxTransactionIdAge: number;
  readonly ioReads: number;
  readonly ioWrites: number;
  readonly ioReadBytes: number;
  readonly ioWriteBytes: number;
}

/**
 * Everything in one statement, so a tick costs one round trip per node. The
 * replica lag matches the engine's node monitor (and so DescribeDBInstances):
 * time since the last replayed commit while received WAL waits for replay.
 * pg_stat_io counts the reads and writes postgres asks of the kernel (shared
 * buffer hits excluded), which is what an IOPS figure means.
 */
const SAMPLE_SQL = `
select
  (select count(*) from pg_stat_activity
     where backend_type = 'client backend' and application_name is distinct from 'rdsdeck-engine')::int as connections,
  pg_is_in_recovery() as in_recovery,
  case when pg_is_in_recovery() then
    case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
         else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp())) end
  end::float8 as replica_lag,
  (select coalesce(sum(size), 0) from pg_ls_waldir())::float8 as wal_bytes,
  case when not pg_is_in_recovery() then
    (select max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) from pg_replication_slots where restart_lsn is not null)
  end::float8 as oldest_slot_lag,
  case when not pg_is_in_recovery() then pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') end::float8 as wal_position,
  (select max(age(datfrozenxid)) from pg_database)::float8 as max_xid_age,
  io.reads, io.writes, io.read_bytes, io.write_bytes
from (select coalesce(sum(reads), 0)::float8 as reads,
             coalesce(sum(writes), 0)::float8 + coalesce(sum(extends), 0)::float8 as writes,
             coalesce(sum(reads * op_bytes), 0)::float8 as read_bytes,
             coalesce(sum((coalesce(writes, 0) + coalesce(extends, 0)) * op_bytes), 0)::float8 as write_bytes
        from pg_stat_io) io`;

interface SampleRow {
  connections: number;
  in_recovery: boolean;
  replica_lag: number | null;
  wal_bytes: number;
  oldest_slot_lag: number | null;
  wal_position: number | null;
  max_xid_age: number;
  reads: number;
  writes: number;
  read_bytes: number;
  write_bytes: number;
}

/**
 * One kept-open connection to a node as the engine's admin, with the sample
 * statement prepared once. A broken connection is dropped and reopened on
 * the next sample.
 */
export class NodeSession {
  private client: pg.Client | undefined;

  constructor(
    private readonly at: NodeAddress,
    private readonly admin: Login,
    private readonly caCertPem: string,
  ) {}

  get port(): number {
    return this.at.port;
  }

  async sample(): Promise<NodeSample> {
    try {
      const client = await this.connect();
      const { rows } = await client.query<SampleRow>({ name: "rdsdeck-metrics-sample", text: SAMPLE_SQL });
      const r = rows[0];
      if (r === undefined) throw new Error("the metrics query returned no row");
      return {
        connections: r.connections,
        inRecovery: r.in_recovery,
        replicaLagSeconds: r.replica_lag ?? undefined,
        walBytes: r.wal_bytes,
        oldestSlotLagBytes: r.in_recovery ? undefined : (r.oldest_slot_lag ?? 0),
        walPositionBytes: r.wal_position ?? undefined,
        maxTransactionIdAge: r.max_xid_age,
        ioReads: r.reads,
        ioWrites: r.writes,
        ioReadBytes: r.read_bytes,
        ioWriteBytes: r.write_bytes,
      };
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = nodeClient(this.at, this.admin, this.caCertPem);
    client.on("error", () => void this.close());
    await client.connect();
    this.client = client;
    return client;
  }
}
