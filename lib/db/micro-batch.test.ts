/** How work that arrives together is cut into batches: no database needed, only the event loop. */
import { describe, expect, test } from "vitest";
import { MicroBatch } from "./micro-batch";

/** A batcher whose batches are recorded and finish only when the test says. */
function recorder(maxSize: number, maxInFlight: number) {
  const sent: number[][] = [];
  const finish: (() => void)[] = [];
  const batch = new MicroBatch<number>({
    maxSize,
    maxInFlight,
    send: (items) => {
      sent.push(items);
      return new Promise<void>((resolve) => finish.push(resolve));
    },
  });
  return { batch, sent, finish };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("MicroBatch", () => {
  test("what arrives in one turn of the event loop goes as one batch, once that turn's I/O is done", async () => {
    const { batch, sent } = recorder(100, 4);
    for (let i = 1; i <= 5; i++) batch.add(i);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([[1, 2, 3, 4, 5]]);
  });

  test("a lone item goes alone, without waiting for company", async () => {
    const { batch, sent } = recorder(100, 4);
    batch.add(7);
    await nextTurn();
    expect(sent).toEqual([[7]]);
  });

  test("a full batch goes at once; the rest follows at the end of the turn", async () => {
    const { batch, sent } = recorder(3, 4);
    for (let i = 1; i <= 7; i++) batch.add(i);
    expect(sent).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await nextTurn();
    expect(sent).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  test("past maxInFlight, work waits for a batch to finish and then goes as one, in arrival order", async () => {
    const { batch, sent, finish } = recorder(100, 1);
    batch.add(1);
    await nextTurn();
    batch.add(2);
    await nextTurn();
    batch.add(3);
    await nextTurn();
    expect(sent).toEqual([[1]]);
    finish[0]?.();
    await nextTurn();
    expect(sent).toEqual([[1], [2, 3]]);
  });

  test("a batch whose send rejects still frees its slot", async () => {
    const sent: number[][] = [];
    const batch = new MicroBatch<number>({
      maxSize: 10,
      maxInFlight: 1,
      send: async (items) => {
        sent.push(items);
        throw new Error("lost");
      },
    });
    batch.add(1);
    await nextTurn();
    batch.add(2);
    await nextTurn();
    await nextTurn();
    expect(sent).toEqual([[1], [2]]);
  });
});
