/**
 * A snapshot of a node that is shut down (a stopped instance): its data
 * directory is consistent as it lies, so a file copy is the snapshot, in the
 * same layout as a live one (`physical-snapshot.ts`): <target>/data and
 * <target>/wal. The WAL kept is what recovery starts from: the segments from
 * the last checkpoint's redo point to the checkpoint record (for a clean
 * shutdown, the one segment holding the shutdown checkpoint), read from
 * pg_control, plus the timeline history files. A restore replays that (there
 * is nothing after a shutdown checkpoint) and promotes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { type CopyProgress, copyTree } from "./live-copy";
import { isSegmentFile, walFilesFor } from "./wal-files";

export type StoppedSnapshotRequest = {
  sourceDataDir: string;
  targetDir: string;
  onProgress?: CopyProgress;
  abort?: () => string | undefined;
};

export type StoppedSnapshotResult = { checkpointLsn: string; bytes: number; walFiles: string[] };

/** pg_control's layout (PostgreSQL 10 and later): the checkpoint's location at 32, its redo point at 40. */
const CHECKPOINT_OFFSET = 32;
const REDO_OFFSET = 40;
/** A shutdown checkpoint record is far smaller than this: enough to take a segment it spills into. */
const CHECKPOINT_RECORD_BYTES = 512n;

export async function takeStoppedSnapshot(req: StoppedSnapshotRequest): Promise<StoppedSnapshotResult> {
  if (await fs.stat(path.join(req.sourceDataDir, "postmaster.pid")).catch(() => undefined)) {
    throw new Error(`${req.sourceDataDir} has a postmaster.pid: its postgres is not shut down`);
  }
  const control = await fs.readFile(path.join(req.sourceDataDir, "global", "pg_control"));
  const checkpoint = control.readBigUInt64LE(CHECKPOINT_OFFSET);
  const redo = control.readBigUInt64LE(REDO_OFFSET);
  const pgWal = path.join(req.sourceDataDir, "pg_wal");
  const segmentBytes = await segmentSize(pgWal);

  const bytes = await copyTree(req.sourceDataDir, path.join(req.targetDir, "data"), {
    mode: "dataDir",
    onProgress: req.onProgress,
    abort: req.abort,
  });
  const walTarget = path.join(req.targetDir, "wal");
  await fs.mkdir(walTarget, { recursive: true, mode: 0o700 });
  // The checkpoint record may spill into the next segment; if that segment is not there, it did not.
  const walFiles = await walFilesFor(pgWal, redo, checkpoint + CHECKPOINT_RECORD_BYTES, segmentBytes).catch(() =>
    walFilesFor(pgWal, redo, checkpoint + 1n, segmentBytes),
  );
  let walBytes = 0;
  for (const name of walFiles) {
    await fs.copyFile(path.join(pgWal, name), path.join(walTarget, name));
    walBytes += (await fs.stat(path.join(walTarget, name))).size;
  }
  return { checkpointLsn: formatLsn(checkpoint), bytes: bytes + walBytes, walFiles };
}

/** The node's WAL segment size, as its segment files have it (initdb's --wal-segsize). */
async function segmentSize(pgWal: string): Promise<bigint> {
  const segment = (await fs.readdir(pgWal)).find(isSegmentFile);
  if (!segment) throw new Error(`${pgWal} holds no WAL segment`);
  return BigInt((await fs.stat(path.join(pgWal, segment))).size);
}

const formatLsn = (lsn: bigint) =>
  `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
