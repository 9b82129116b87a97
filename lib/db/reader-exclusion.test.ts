/**
 * A replica that stops (frozen by SIGSTOP, or killed) gets no more reads:
 * reads in flight on it fall back to the writer, later ones skip it, and no
 * client sees an error. A frozen one comes back into rotation when it thaws.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signalServerTree } from "../../infra/local/pg/process-tree";
import { eventually } from "../../infra/local/test-support/temp-fleet";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";

let api: ApiFixture;
const ids: number[] = [];
let frozen: number | undefined;

beforeAll(async () => {
  api = await startApiFixture({ DATABASE_STATEMENT_TIMEOUT_MS: "1500", DATABASE_CONNECT_TIMEOUT_MS: "1000" });
  for (let i = 0; i < 5; i++) ids.push(await createUser(i));
  await rotation([true, true]);
});
afterAll(async () => {
  if (frozen) signalServerTree(frozen, "SIGCONT");
  await api?.stop();
});

/**
 * One user, through the API. The 1.5 s statement timeout this file needs can
 * answer 503 on a loaded machine; a client retries a 503, and each attempt
 * uses an address of its own (a timed-out insert may still have committed).
 * Without a created id every read below would be a 400 for `undefined`.
 */
async function createUser(i: number): Promise<number> {
  let attempt = 0;
  return eventually(
    async () => {
      const reply = await api.call("POST", "/api/v1/users", {
        body: { name: `reader ${i}`, email: `r${i}.${attempt++}@example.com` },
      });
      if (reply.status !== 201 && reply.status !== 503) throw new Error(`POST answered ${reply.status}: ${reply.text}`);
      return reply.status === 201 ? (reply.json as { id: number }).id : undefined;
    },
    30_000,
    `user ${i} created`,
  );
}

type Health = { status: string; readers: { reachable: boolean; in_rotation: boolean }[] };
const rotation = (wanted: boolean[]) =>
  eventually(
    async () => {
      const body = (await api.call("GET", "/health")).json as Health;
      return JSON.stringify(body.readers.map((r) => r.in_rotation)) === JSON.stringify(wanted) ? body : undefined;
    },
    15_000,
    `readers in rotation: ${wanted}`,
  );

/** Reads every user over and over, concurrently, for `ms`; returns every status seen. */
async function readFor(ms: number): Promise<number[]> {
  const statuses: number[] = [];
  const deadline = Date.now() + ms;
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (Date.now() < deadline) {
        for (const id of ids) statuses.push((await api.call("GET", `/api/v1/users/${id}`)).status);
        statuses.push((await api.call("GET", "/api/v1/users?limit=5")).status);
      }
    }),
  );
  return statuses;
}

describe("reader exclusion", () => {
  test("a frozen replica leaves rotation without a single failed read, and returns when it thaws", async () => {
    const replica = api.fleet.engine.nodeFor("production-myapp-replica-1");
    frozen = replica?.postmaster.pid;
    expect(frozen).toBeGreaterThan(0);
    signalServerTree(frozen!, "SIGSTOP");
    const statuses = await readFor(4_000);
    expect(statuses.length).toBeGreaterThan(20);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const health = await rotation([false, true]);
    expect(health.status).toBe("healthy");
    expect(health.readers[0]?.reachable).toBe(false);

    signalServerTree(frozen!, "SIGCONT");
    frozen = undefined;
    await rotation([true, true]);
  });

  test("a killed replica leaves rotation without a single failed read", async () => {
    const replica = api.fleet.engine.nodeFor("production-myapp-replica-2");
    process.kill(replica!.postmaster.pid!, "SIGKILL");
    const statuses = await readFor(3_000);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const health = await rotation([true, false]);
    expect(health.readers[1]?.reachable).toBe(false);
    expect(new Set(await readFor(1_000))).toEqual(new Set([200]));
  });
});
