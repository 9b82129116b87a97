/**
 * Recent WAL positions of the writer, as its probe saw them. They give a
 * replica's lag from positions alone: a replica that has not replayed what the
 * writer had written at time t is at least (now - t) behind. Unlike
 * now() - pg_last_xact_replay_timestamp(), this stays right on an idle writer
 * and on a replica that silently stopped receiving WAL.
 */

type Sample = { at: number; lsn: bigint };

export class WriterLsnHistory {
  private readonly samples: Sample[] = [];

  constructor(private readonly keepMs = 120_000) {}

  record(at: number, lsn: bigint): void {
    const last = this.samples.at(-1);
    // Only advances are interesting: the oldest sample past a replay position dates the lag.
    if (last !== undefined && lsn <= last.lsn) return;
    this.samples.push({ at, lsn });
    while ((this.samples[0]?.at ?? at) < at - this.keepMs) this.samples.shift();
  }

  /** Seconds a replica at `replayLsn` (seen at `at`) is behind, or undefined when nothing is known yet. */
  lagSeconds(replayLsn: bigint, at: number): number | undefined {
    if (this.samples.length === 0) return undefined;
    // Samples ascend in both time and position: the first one past the replay position is the oldest missing.
    const missing = this.samples.find((s) => s.lsn > replayLsn && s.at <= at);
    return missing === undefined ? 0 : (at - missing.at) / 1000;
  }
}
