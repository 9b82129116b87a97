import { describe, expect, test } from "vitest";
import type { EndpointProbe } from "./endpoint-probe";
import { ReadRouter } from "./read-router";
import type { Reader } from "./reader-pools";

const reader = (endpoint: string, inRotation: boolean, lsn?: bigint): Reader =>
  ({
    endpoint,
    inRotation,
    probe: { sample: { reachable: true, startedAt: 0, at: 0, lsn } } as unknown as EndpointProbe,
  }) as Reader;

describe("read routing", () => {
  test("goes round-robin over the readers in rotation", () => {
    const router = new ReadRouter([reader("a", true, 1n), reader("b", false, 1n), reader("c", true, 1n)]);
    expect([1, 2, 3, 4].map(() => router.pick()?.endpoint)).toEqual(["a", "c", "a", "c"]);
  });

  test("falls back to the writer when no reader is in rotation", () => {
    expect(new ReadRouter([reader("a", false, 1n)]).pick()).toBeUndefined();
    expect(new ReadRouter([]).pick()).toBeUndefined();
  });

  test("after a write, picks only readers that have replayed its position", () => {
    const router = new ReadRouter([reader("behind", true, 99n), reader("there", true, 100n)]);
    expect([1, 2, 3].map(() => router.pick(100n)?.endpoint)).toEqual(["there", "there", "there"]);
    expect(router.pick(101n)).toBeUndefined();
  });

  test("never trusts a reader whose position is unknown with a write's position", () => {
    expect(new ReadRouter([reader("a", true, undefined)]).pick(0n)).toBeUndefined();
  });

  test("splits reads that go out together: each joins only an endpoint that has replayed its position", () => {
    const router = new ReadRouter([reader("behind", true, 99n), reader("there", true, 100n)]);
    const reads = [{ n: 1 }, { n: 2, minLsn: 50n }, { n: 3, minLsn: 100n }, { n: 4, minLsn: 101n }];
    const groups = router.split(reads);
    const named = [...groups].map(([r, group]) => [r?.endpoint ?? "writer", group.map((g) => g.n)]);
    // The batch's reader is "behind" (first in the round-robin): 3 needs "there", 4 only the writer has.
    expect(named).toEqual([
      ["behind", [1, 2]],
      ["there", [3]],
      ["writer", [4]],
    ]);
  });

  test("splits everything to the writer when no reader is in rotation", () => {
    const router = new ReadRouter([reader("a", false, 100n)]);
    expect([...router.split([{ minLsn: 1n }, {}])].map(([r, g]) => [r, g.length])).toEqual([[undefined, 2]]);
  });
});
