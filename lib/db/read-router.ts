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
      if (minLsn !== undefined && !((reader.probe.sample?.lsn ?? -1n) >= minLsn)) continue;
      this.next = (this.next + i + 1) % count;
      return reader;
    }
    return undefined;
  }
}
