/**
 * A Multi-AZ failover (RebootDBInstance with ForceFailover, through the RDS
 * API) while batches of reads and group commits are in flight: every request
 * gets exactly one answer — its own success, or 503 with Retry-After when it
 * could not be served — and every acknowledged create is on the new writer.
 */
import { type RDSClient, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, expect, test } from "vitest";
import { eventually, rdsClientFor } from "../../../infra/local/test-support/temp-fleet";
import { type ApiFixture, type Reply, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
let rds: RDSClient;
beforeAll(async () => {
  api = await startApiFixture();
  rds = rdsClientFor(api.fleet);
});
afterAll(async () => {
  rds?.destroy();
  await api?.stop();
});

type Sent = { method: string; email?: string; reply: Reply };

/** Clients that each send creates and reads back to back, keeping every reply, until told to stop. */
function clients(count: number, seeded: number[]) {
  const sent: Sent[] = [];
  let stop = false;
  let n = 0;
  const loops = Array.from({ length: count }, async (_, c) => {
    while (!stop) {
      if (c % 2) {
        const email = `fo-${++n}@example.com`;
        const reply = await api.call("POST", "/api/v1/users", { body: { name: `c${c}`, email } });
        sent.push({ method: "POST", email, reply });
      } else {
        const id = seeded[n++ % seeded.length];
        sent.push({ method: "GET", reply: await api.call("GET", `/api/v1/users/${id}`) });
      }
    }
  });
  return {
    sent,
    stop: async () => {
      stop = true;
      await Promise.all(loops);
    },
  };
}

test("failover under batched load: one answer per request, 503 + Retry-After for the rest, no acknowledged write lost", async () => {
  const seeded: number[] = [];
  for (let i = 0; i < 8; i++) {
    const reply = await api.call("POST", "/api/v1/users", {
      body: { name: `s${i}`, email: `fo-seed${i}@example.com` },
    });
    seeded.push((reply.json as { id: number }).id);
  }
  const load = clients(16, seeded);
  await eventually(async () => (load.sent.length > 200 ? true : undefined), 20_000, "load flowing");
  const oldWriter = api.fleet.engine.nodeFor("writer")?.name;
  await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "production-myapp", ForceFailover: true }));
  await eventually(
    async () => (api.fleet.engine.nodeFor("writer")?.name !== oldWriter ? true : undefined),
    60_000,
    "the standby to be promoted",
  );
  const atFailover = load.sent.length;
  await eventually(
    async () =>
      load.sent.slice(atFailover).filter((s) => s.method === "POST" && s.reply.status === 201).length > 50
        ? true
        : undefined,
    60_000,
    "creates to succeed on the new writer",
  );
  await load.stop();

  const statuses = new Map<string, number>();
  for (const { method, reply } of load.sent) {
    const key = `${method} ${reply.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    expect([200, 201, 503], `${key}: ${reply.text}`).toContain(reply.status);
    if (reply.status === 503) {
      expect(reply.headers.get("retry-after")).toBe("1");
      expect(reply.json).toMatchObject({ code: "unavailable" });
    }
  }
  // The failover really cut through the load, and the load really went on beside it.
  expect(statuses.get("POST 201")).toBeGreaterThan(50);
  expect(statuses.get("GET 200")).toBeGreaterThan(50);

  // Each create was answered once, for its own email; every acknowledged one is on the writer.
  const created = load.sent.filter((s) => s.reply.status === 201);
  for (const { email, reply } of created) expect((reply.json as { email: string }).email).toBe(email);
  const ids = created.map((s) => (s.reply.json as { id: number }).id);
  expect(new Set(ids).size).toBe(ids.length);
  const db = await api.connect(api.writerPort);
  try {
    const { rows } = await db.query<{ id: number; email: string }>(
      "select id, email from users where id = any($1::integer[])",
      [ids],
    );
    const onWriter = new Map(rows.map((r) => [r.id, r.email]));
    for (const { email, reply } of created) expect(onWriter.get((reply.json as { id: number }).id)).toBe(email);
  } finally {
    await db.end();
  }
}, 180_000);
