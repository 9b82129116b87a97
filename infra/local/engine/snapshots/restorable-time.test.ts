import { describe, expect, test } from "vitest";
import { latestRestorableTime } from "./restorable-time";

const SEGMENT = 16n * 1024n * 1024n;
const archivedEnd = 3n * SEGMENT;

describe("latestRestorableTime", () => {
  test("nothing archived, or no sample yet: no restorable time", () => {
    expect(latestRestorableTime([{ at: 1_000, lsn: SEGMENT }], undefined, undefined)).toBeUndefined();
    expect(latestRestorableTime([], archivedEnd, undefined)).toBeUndefined();
  });

  test("the newest sample the archive covers, while a later commit is not archived", () => {
    const samples = [
      { at: 1_000, lsn: archivedEnd - 100n },
      { at: 2_000, lsn: archivedEnd },
      { at: 3_000, lsn: archivedEnd + 500n },
    ];
    expect(latestRestorableTime(samples, archivedEnd, 2_500)).toEqual(new Date(2_000));
  });

  test("a position inside the new segment's page header (just after a switch) is covered; one past it is not", () => {
    const header = [{ at: 2_000, lsn: archivedEnd + 40n }];
    expect(latestRestorableTime(header, archivedEnd, 1_000)).toEqual(new Date(2_000));
    const record = [{ at: 2_000, lsn: archivedEnd + 41n }];
    expect(latestRestorableTime(record, archivedEnd, 1_000)).toBeUndefined();
  });

  test("when the newest commit is archived, everything up to the newest sample is restorable", () => {
    const samples = [
      { at: 2_000, lsn: archivedEnd },
      { at: 9_000, lsn: archivedEnd + 40n },
    ];
    expect(latestRestorableTime(samples, archivedEnd, 1_500)).toEqual(new Date(9_000));
    // Unknown last commit: only what a covered sample vouches for.
    expect(
      latestRestorableTime(
        [
          { at: 2_000, lsn: archivedEnd },
          { at: 9_000, lsn: archivedEnd + 99n },
        ],
        archivedEnd,
        undefined,
      ),
    ).toEqual(new Date(2_000));
  });
});
