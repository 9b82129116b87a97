/**
 * LatestRestorableTime: the newest moment whose every commit is in the WAL
 * archive. The writer's WAL position is sampled each second; a sample at
 * time t whose position the archive already covers means everything
 * committed before t is archived. When even the newest commit (as the writer
 * reports it) is covered, nothing since has been committed, so the instance
 * is restorable up to the newest sample. RDS trails by about 5 minutes; this
 * trails the last commit by about the archive timeout.
 */
export type WalSample = { at: number; lsn: bigint };

/**
 * Samples are WAL *insert* positions, which right after a segment switch
 * point past the new segment's long page header (SizeOfXLogLongPHD, 40
 * bytes): a position inside it means nothing was written to that segment yet.
 */
const LONG_PAGE_HEADER_BYTES = 40n;

export function latestRestorableTime(
  samples: readonly WalSample[],
  archivedEnd: bigint | undefined,
  lastCommitAt: number | undefined,
): Date | undefined {
  if (archivedEnd === undefined || samples.length === 0) return undefined;
  let covered: number | undefined;
  const archivedUpTo = archivedEnd + LONG_PAGE_HEADER_BYTES;
  for (const s of samples) if (s.lsn <= archivedUpTo && (covered === undefined || s.at > covered)) covered = s.at;
  if (covered === undefined) return undefined;
  const newest = Math.max(...samples.map((s) => s.at));
  // The newest commit already archived: nothing is missing up to now. (Unknown: only what is covered.)
  if (lastCommitAt !== undefined && lastCommitAt <= covered) return new Date(newest);
  return new Date(covered);
}
