/**
 * WAL segment files by name: which of a pg_wal directory's files hold a range
 * of WAL on any timeline, and cutting a copy of them at an exact position.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

/** "16/B374D848" → bytes. */
export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  if (hi === undefined || lo === undefined) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

const hex8 = (n: bigint | number) => n.toString(16).toUpperCase().padStart(8, "0");

/** The WAL segment file holding byte `lsn` on `timeline` (PostgreSQL's XLogFileName). */
export function walFileName(timeline: number, lsn: bigint, segmentBytes: bigint): string {
  const segno = lsn / segmentBytes;
  const perId = 0x100000000n / segmentBytes;
  return `${hex8(timeline)}${hex8(segno / perId)}${hex8(segno % perId)}`;
}

const SEGMENT_FILE = /^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})$/;
const HISTORY_FILE = /^([0-9A-F]{8})\.history$/;

export const isSegmentFile = (name: string) => SEGMENT_FILE.test(name);

/** A segment file's timeline and segment number, or undefined for any other file (.partial, .history, …). */
export function parseWalFileName(name: string, segmentBytes: bigint): { timeline: number; segno: bigint } | undefined {
  const m = SEGMENT_FILE.exec(name);
  if (!m) return undefined;
  const perId = 0x100000000n / segmentBytes;
  return { timeline: Number.parseInt(m[1] as string, 16), segno: BigInt(`0x${m[2]}`) * perId + BigInt(`0x${m[3]}`) };
}

/** A history file's timeline ("00000002.history" → 2). */
export function historyTimeline(name: string): number | undefined {
  const m = HISTORY_FILE.exec(name);
  return m ? Number.parseInt(m[1] as string, 16) : undefined;
}

/**
 * The files recovery needs to replay WAL from `start` up to `stop` (exclusive):
 * every timeline's segment files in that range, because a timeline switch (a
 * failover while a replica was being copied) puts one stretch of the range on
 * the old timeline and the rest on the new one; and the history files of those
 * timelines, which tell recovery where each switch happened. Throws naming the
 * first segment no timeline has.
 */
export async function walFilesFor(pgWal: string, start: bigint, stop: bigint, segmentBytes: bigint): Promise<string[]> {
  const names = await fs.readdir(pgWal);
  const first = start / segmentBytes;
  // `stop` is the end of the last record needed: a stop on a segment boundary needs nothing of the next one.
  const last = (stop - 1n) / segmentBytes;
  const segments = names.filter((n) => {
    const s = parseWalFileName(n, segmentBytes);
    return s !== undefined && s.segno >= first && s.segno <= last;
  });
  for (let segno = first; segno <= last; segno++) {
    if (!segments.some((n) => parseWalFileName(n, segmentBytes)?.segno === segno)) {
      throw new Error(
        `WAL segment ${walFileName(1, segno * segmentBytes, segmentBytes).slice(8)} (any timeline) needed by the snapshot is gone from ${pgWal}`,
      );
    }
  }
  const newest = Math.max(...segments.map((n) => parseWalFileName(n, segmentBytes)?.timeline ?? 0));
  const histories = names.filter((n) => (historyTimeline(n) ?? Number.POSITIVE_INFINITY) <= newest);
  return [...histories, ...segments];
}

/**
 * Makes a directory of WAL end exactly at `stop`: the bytes after it in its
 * segment are zeroed (recovery reads a zero record length as the end of WAL)
 * and later segments removed. A restore then replays to the end of what it
 * has and stops at that exact position, whether or not a record follows it,
 * and whatever kind of record the last one is.
 */
export async function cutWalAt(walDir: string, stop: bigint, segmentBytes: bigint): Promise<void> {
  const stopSegno = stop / segmentBytes;
  const offset = Number(stop % segmentBytes);
  for (const name of await fs.readdir(walDir)) {
    const s = parseWalFileName(name, segmentBytes);
    if (!s) continue;
    const file = path.join(walDir, name);
    if (s.segno > stopSegno || (s.segno === stopSegno && offset === 0)) {
      await fs.rm(file);
    } else if (s.segno === stopSegno) {
      const handle = await fs.open(file, "r+");
      try {
        // Same size as before: recovery refuses a segment file of the wrong length.
        await handle.write(Buffer.alloc(Number(segmentBytes) - offset), 0, Number(segmentBytes) - offset, offset);
      } finally {
        await handle.close();
      }
    }
  }
}
