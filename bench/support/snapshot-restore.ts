/**
 * The snapshot and restore part of bench:failover: fills a table to the size
 * asked (generate_series through the writer endpoint), then times
 * CreateDBSnapshot until `available` and RestoreDBInstanceFromDBSnapshot
 * until the new instance is `available`, and checks the restore's row count.
 */
import {
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  type RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from "@aws-sdk/client-rds";
import type pg from "pg";

export type SnapshotRestoreFigures = {
  databaseBytes: number;
  rows: number;
  fillSeconds: number;
  snapshotSeconds: number;
  restoreSeconds: number;
};

const ROW_PAD = 900; // ~1 KB a row on disk, under the TOAST threshold so nothing is compressed away

async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Fills table bench_bulk to about `targetBytes` (~1 KB rows) through `db`. */
export async function fillBulk(
  db: pg.Client,
  targetBytes: number,
  log: (line: string) => void,
): Promise<{ rows: number; fillSeconds: number; databaseBytes: number }> {
  const rows = Math.ceil(targetBytes / (ROW_PAD + 40));
  log(`filling bench_bulk with ${rows.toLocaleString("en")} rows (~${(targetBytes / 1024 ** 3).toFixed(1)} GB)`);
  const fillStarted = performance.now();
  await db.query("drop table if exists bench_bulk");
  await db.query(
    `create table bench_bulk as select g as id, repeat('x', ${ROW_PAD}) as pad from generate_series(1, $1) g`,
    [rows],
  );
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const databaseBytes = Number(
    (await db.query<{ size: string }>("select pg_database_size(current_database())::text as size")).rows[0]?.size,
  );
  return { rows, fillSeconds, databaseBytes };
}

export async function measureSnapshotAndRestore(opts: {
  rds: RDSClient;
  writer: string;
  targetBytes: number;
  /** A session without query timeouts: the fill runs for a while. */
  connect: (port?: number) => Promise<pg.Client>;
  log: (line: string) => void;
}): Promise<SnapshotRestoreFigures> {
  const { rds, writer, log } = opts;
  const db = await opts.connect();
  const { rows, fillSeconds, databaseBytes } = await fillBulk(db, opts.targetBytes, log);
  await db.end();

  const snapshotId = `bench-${Date.now()}`;
  const snapStarted = performance.now();
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: writer, DBSnapshotIdentifier: snapshotId }));
  let lastPercent = -1;
  await poll("the snapshot", async () => {
    const s = (await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotId }))).DBSnapshots?.[0];
    if (s?.Status === "failed") throw new Error(`snapshot ${snapshotId} failed`);
    if (s?.PercentProgress !== undefined && s.PercentProgress >= lastPercent + 25) {
      lastPercent = s.PercentProgress;
      log(`snapshot ${snapshotId}: ${s.Status} ${s.PercentProgress}%`);
    }
    return s?.Status === "available" ? s : undefined;
  });
  const snapshotSeconds = (performance.now() - snapStarted) / 1000;

  const restoredId = `${snapshotId}-restored`;
  const restoreStarted = performance.now();
  await rds.send(
    new RestoreDBInstanceFromDBSnapshotCommand({ DBInstanceIdentifier: restoredId, DBSnapshotIdentifier: snapshotId }),
  );
  const restored = await poll("the restore", async () => {
    const i = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: restoredId }))).DBInstances?.[0];
    return i?.DBInstanceStatus === "available" ? i : undefined;
  });
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;

  const check = await opts.connect(restored.Endpoint?.Port);
  const count = Number((await check.query<{ n: string }>("select count(*)::text as n from bench_bulk")).rows[0]?.n);
  await check.end();
  if (count !== rows) throw new Error(`the restore holds ${count} rows of bench_bulk, not ${rows}`);
  return { databaseBytes, rows, fillSeconds, snapshotSeconds, restoreSeconds };
}
