/**
 * Chooses where a read runs: the next reader in rotation (round-robin), or the
 * writer when none qualifies. A read that must see a write (it carries the
 * write's WAL position) qualifies only a reader whose last probed replay
 * position is at or past it: replay never goes backwards, so that reader has
 * the write.
 */
import type { Reader } from "./reader-pools";

export class ReadRouter {
  private next = 0;

  constructor(private readonly readers: readonly Reader[]) {}

  /** The reader to use, or undefined for the writer. */
  pick(minLsn?: bigint): Reader | undefined {
    const count = this.readers.length;
    for (let i = 0; i < count; i++) {
      const reader = this.readers[(this.next + i) % count];
      if (!reader?.inRotation) continue;
      if (minLsn !== undefined && !hasReplayed(reader, minLsn)) continue;
      this.next = (this.next + i + 1) % count;
      return reader;
    }
    return undefined;
  }

  /**
   * Splits reads that go out together among endpoints (undefined: the writer):
   * all go to the next reader in rotation, except those whose position that
   * reader has not replayed, which each go where pick() sends them.
   */
  split<T extends { minLsn?: bigint }>(reads: readonly T[]): Map<Reader | undefined, T[]> {
    const base = this.pick();
    const groups = new Map<Reader | undefined, T[]>();
    for (const read of reads) {
      const target =
        base === undefined || read.minLsn === undefined || hasReplayed(base, read.minLsn)
          ? base
          : this.pick(read.minLsn);
      const group = groups.get(target);
      if (group) group.push(read);
      else groups.set(target, [read]);
    }
    return groups;
  }
}

function hasReplayed(reader: Reader, lsn: bigint): boolean {
  return (reader.probe.sample?.lsn ?? -1n) >= lsn;
}
