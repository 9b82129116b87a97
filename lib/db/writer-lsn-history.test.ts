import { describe, expect, test } from "vitest";
import { WriterLsnHistory } from "./writer-lsn-history";

describe("replica lag from the writer's WAL positions", () => {
  test("is unknown before the writer was ever seen", () => {
    expect(new WriterLsnHistory().lagSeconds(10n, 1_000)).toBeUndefined();
  });

  test("is zero for a replica that has replayed everything the writer had", () => {
    const h = new WriterLsnHistory();
    h.record(1_000, 100n);
    h.record(2_000, 200n);
    expect(h.lagSeconds(200n, 9_000)).toBe(0);
  });

  test("is the age of the oldest position the replica has not replayed", () => {
    const h = new WriterLsnHistory();
    h.record(1_000, 100n);
    h.record(2_000, 200n);
    h.record(3_000, 300n);
    expect(h.lagSeconds(150n, 7_000)).toBe(5);
    expect(h.lagSeconds(99n, 7_000)).toBe(6);
  });

  test("ignores positions the writer reached after the replica was probed", () => {
    const h = new WriterLsnHistory();
    h.record(1_000, 100n);
    h.record(5_000, 200n);
    expect(h.lagSeconds(100n, 4_000)).toBe(0);
  });

  test("keeps only advances, and forgets samples past its window", () => {
    const h = new WriterLsnHistory(10_000);
    h.record(1_000, 100n);
    h.record(2_000, 100n); // no advance: the first sample still dates position 100
    expect(h.lagSeconds(50n, 4_000)).toBe(3);
    h.record(20_000, 300n);
    expect(h.lagSeconds(50n, 21_000)).toBe(1);
  });
});
