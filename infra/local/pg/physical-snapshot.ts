/**
 * A consistent physical copy of a running node, taken without stopping
 * writes: pg_backup_start → copy the data directory → pg_backup_stop, then
 * the WAL from the backup's start to its end, which is what recovery needs to
 * reach a consistent state. A temporary replication slot, created first on
 * the same session, keeps that WAL from being recycled during the copy.
 *
 * The end is exact: the stop position pg_backup_stop reports (on a hot
 * standby, its minimum recovery point). A restore cuts the WAL there
 * (`cutWalAt`), because WAL copied from an idle standby may hold nothing after
 * its stop point, and recovery_target = 'immediate' would then fail with
 * "recovery ended before configured recovery target was reached": it only
 * stops after a commit record or before a next record, and there is none.
 *
 * Layout: <target>/data (with backup_label and tablespace_map) and
 * <target>/wal (the segments, plus timeline history files).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type CopyProgress, copyTree } from "./live-copy";
import { ENGINE_SESSION_OPTIONS, type Login, type NodeAddress, SLOW_STATEMENT_TIMEOUT_MS } from "./sql-client";
import { parseLsn, walFilesFor } from "./wal-files";

export type SnapshotRequest = {
  source: NodeAddress;
  sourceDataDir: string;
  admin: Login;
  caCertPem: string;
  targetDir: string;
  /** A name unique among the node's replication slots. */
  slot: string;
  onProgress?: CopyProgress;
  abort?: () => string | undefined;
  /** Runs between the copy and pg_backup_stop (a test seam: see EngineHooks). */
  beforeStop?: () => Promise<void>;
};

export type SnapshotResult = { startLsn: string; stopLsn: string; timeline: number; bytes: number; walFiles: string[] };

export async function takePhysicalSnapshot(req: SnapshotRequest): Promise<SnapshotResult> {
  const dataTarget = path.join(req.targetDir, "data");
  const walTarget = path.join(req.targetDir, "wal");
  const db = new pg.Client({
    host: req.source.host,
    port: req.source.port,
    user: req.admin.username,
    password: req.admin.password,
    database: "postgres",
    ssl: { ca: req.caCertPem, rejectUnauthorized: true },
    connectionTimeoutMillis: 5_000,
    // The start checkpoint and the stop can take a while on a busy node.
    query_timeout: SLOW_STATEMENT_TIMEOUT_MS,
    application_name: "rdsdeck-engine",
    options: ENGINE_SESSION_OPTIONS,
  });
  let connectionError: Error | undefined;
  db.on("error", (error) => {
    connectionError = error;
  });
  await db.connect();
  try {
    const inRecovery = (await db.query<{ r: boolean }>("select pg_is_in_recovery() as r")).rows[0]?.r === true;
    const segmentBytes = BigInt(
      (await db.query<{ s: string }>("select setting as s from pg_settings where name = 'wal_segment_size'")).rows[0]
        ?.s ?? "16777216",
    );
    // Temporary: dropped when this session ends, whatever happens to the engine.
    await db.query("select pg_create_physical_replication_slot($1, true, true)", [req.slot]);
    await db.query("select pg_backup_start($1, true)", [`rdsdeck snapshot ${path.basename(req.targetDir)}`]);
    let stop: { lsn: string; labelfile: string; spcmapfile: string | null } | undefined;
    try {
      const bytes = await copyTree(req.sourceDataDir, dataTarget, {
        mode: "dataDir",
        onProgress: req.onProgress,
        abort: () => req.abort?.() ?? connectionError?.message,
      });
      await req.beforeStop?.();
      stop = (await db.query("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")).rows[0];
      if (!stop) throw new Error("pg_backup_stop returned nothing");
      // Completes the segment holding the stop point, so every byte recovery needs is on disk.
      if (!inRecovery) await db.query("select pg_switch_wal()");
      await fs.writeFile(path.join(dataTarget, "backup_label"), stop.labelfile, { mode: 0o600 });
      if (stop.spcmapfile)
        await fs.writeFile(path.join(dataTarget, "tablespace_map"), stop.spcmapfile, { mode: 0o600 });

      const startLsn = /START WAL LOCATION: ([0-9A-F]+\/[0-9A-F]+)/.exec(stop.labelfile)?.[1];
      const timeline = Number(/START TIMELINE: (\d+)/.exec(stop.labelfile)?.[1]);
      if (!startLsn || !Number.isInteger(timeline)) throw new Error(`unexpected backup label: ${stop.labelfile}`);
      const walFiles = await copyWal(
        path.join(req.sourceDataDir, "pg_wal"),
        walTarget,
        parseLsn(startLsn),
        parseLsn(stop.lsn),
        segmentBytes,
      );
      const walBytes = (await Promise.all(walFiles.map((f) => fs.stat(path.join(walTarget, f))))).reduce(
        (sum, s) => sum + s.size,
        0,
      );
      return { startLsn, stopLsn: stop.lsn, timeline, bytes: bytes + walBytes, walFiles };
    } catch (error) {
      // The session ending would end the backup too; end it explicitly, and say so if even that fails.
      if (!stop && !connectionError) {
        await db.query("select pg_backup_stop(false)").catch((stopError: Error) => {
          if (error instanceof Error) error.message += `; ending its backup failed too: ${stopError.message}`;
        });
      }
      throw error;
    }
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** Copies the WAL from start to stop (every timeline's segments, and their history) out of pg_wal. */
async function copyWal(
  pgWal: string,
  target: string,
  start: bigint,
  stop: bigint,
  segmentBytes: bigint,
): Promise<string[]> {
  await fs.mkdir(target, { recursive: true, mode: 0o700 });
  const names = await walFilesFor(pgWal, start, stop, segmentBytes);
  for (const name of names) {
    try {
      await fs.copyFile(path.join(pgWal, name), path.join(target, name));
    } catch (error) {
      throw new Error(
        `WAL file ${name} needed by the snapshot could not be copied from ${pgWal}: ${(error as Error).message}`,
      );
    }
  }
  return names;
}
