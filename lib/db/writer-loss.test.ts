/**
 * Writer loss: its postgres is frozen (SIGSTOP, as a hung host would be).
 * Writes must fail fast with 503 and Retry-After, never hang; reads keep being
 * served by the replicas; and once a writer answers again (the same one
 * thawed, or the standby the engine promotes meanwhile) writes succeed without
 * restarting anything, and no acknowledged write is lost.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { signalServerTree } from "../../infra/local/pg/process-tree";
import { eventually } from "../../infra/local/test-support/temp-fleet";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";

let api: ApiFixture;
let frozen: number | undefined;

beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(async () => {
  if (frozen) signalServerTree(frozen, "SIGCONT");
  await api?.stop();
});

const post = (i: number) => api.call("POST", "/api/v1/users", { body: { name: `w${i}`, email: `w${i}@example.com` } });

test("writes get 503 + Retry-After within seconds while the writer is frozen, then recover by themselves", async () => {
  const acknowledged: { id: number; lsn: string }[] = [];
  const keep = (reply: Awaited<ReturnType<typeof post>>) => {
    if (reply.status === 201)
      acknowledged.push({ id: (reply.json as { id: number }).id, lsn: reply.headers.get("x-rdsdeck-lsn") ?? "" });
  };
  keep(await post(0));
  expect(acknowledged).toHaveLength(1);

  frozen = api.fleet.engine.nodeFor("writer")?.postmaster.pid;
  expect(frozen).toBeGreaterThan(0);
  signalServerTree(frozen!, "SIGSTOP");

  // Never a hang: every write is answered while the writer is still frozen (the default timeouts, 2 s to
  // connect and 4 s per statement, bound each one); a request that waited for the writer would never return here.
  const replies = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(post));
  for (const reply of replies) {
    expect(reply.status).toBe(503);
    expect(reply.headers.get("retry-after")).toBe("1");
    expect(reply.json).toEqual({
      error: "The database writer is not reachable right now; retry shortly.",
      code: "unavailable",
    });
  }

  // Reads do not need the writer.
  const read = await api.call("GET", `/api/v1/users/${acknowledged[0]?.id}`);
  expect(read.status).toBe(200);

  const unhealthy = await eventually(
    async () => {
      const reply = await api.call("GET", "/health");
      return reply.status === 503 ? reply : undefined;
    },
    10_000,
    "/health to report the writer down",
  );
  expect(unhealthy.headers.get("retry-after")).toBe("1");
  expect(unhealthy.json).toMatchObject({ status: "unhealthy", writer: { reachable: false, latency_ms: null } });

  signalServerTree(frozen!, "SIGCONT"); // a no-op if the engine fenced it and failed over meanwhile
  frozen = undefined;

  let attempt = 100; // a new email each try: a 503'd attempt may still have committed
  const recovered = await eventually(
    async () => {
      const reply = await post(attempt++);
      return reply.status === 201 ? reply : undefined;
    },
    60_000,
    "writes to succeed again",
  );
  keep(recovered);
  await eventually(
    async () => ((await api.call("GET", "/health")).status === 200 ? true : undefined),
    15_000,
    "healthy",
  );

  for (const { id, lsn } of acknowledged) {
    const reply = await api.call("GET", `/api/v1/users/${id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(reply.status).toBe(200);
  }
});
