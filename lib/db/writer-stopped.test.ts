/**
 * The writer stopped on purpose (StopDBInstance, once its read replicas are
 * promoted away, as RDS requires): /health reports the writer unreachable and
 * writes get 503 at once, never a hang; after StartDBInstance writes succeed
 * again without restarting anything, and what was written before is there.
 */
import { PromoteReadReplicaCommand, StartDBInstanceCommand, StopDBInstanceCommand } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { waitForInstance } from "../../infra/local/test-support/rds-waits";
import { eventually, rdsClientFor } from "../../infra/local/test-support/temp-fleet";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";

vi.setConfig({ testTimeout: 240_000 });

let api: ApiFixture;

beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(async () => {
  await api?.stop();
});

const post = (i: number) =>
  api.call("POST", "/api/v1/users", { body: { name: `s${i}`, email: `stopped-${i}@example.com` } });

test("a stopped writer: /health says so, writes get 503 at once, and both recover after StartDBInstance", async () => {
  const rds = rdsClientFor(api.fleet);
  try {
    const first = await post(0);
    expect(first.status).toBe(201);
    const writer = api.fleet.engine.names.writer;
    for (const replica of api.fleet.engine.names.replicas) {
      await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: replica }));
      await waitForInstance(rds, replica, "available");
    }

    await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: writer }));
    await waitForInstance(rds, writer, "stopped");
    const unhealthy = await eventually(
      async () => {
        const reply = await api.call("GET", "/health");
        return reply.status === 503 ? reply : undefined;
      },
      10_000,
      "/health to report the stopped writer down",
    );
    expect(unhealthy.json).toMatchObject({ status: "unhealthy", writer: { reachable: false, latency_ms: null } });
    const refused = await post(1);
    expect(refused.status).toBe(503);
    expect(refused.json).toEqual({
      error: "The database writer is not reachable right now; retry shortly.",
      code: "unavailable",
    });

    await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: writer }));
    await waitForInstance(rds, writer, "available");
    let attempt = 100;
    await eventually(async () => ((await post(attempt++)).status === 201 ? true : undefined), 30_000, "writes again");
    await eventually(
      async () => {
        const reply = await api.call("GET", "/health");
        return (reply.json as { writer?: { reachable?: boolean } }).writer?.reachable ? true : undefined;
      },
      15_000,
      "/health to report the writer reachable",
    );
    const id = (first.json as { id: number }).id;
    expect((await api.call("GET", `/api/v1/users/${id}`, { headers: { "x-rdsdeck-lsn": "0/0" } })).status).toBe(200);
  } finally {
    rds.destroy();
  }
});
