/**
 * The audit batch against rdsdeck's real store, stopped and started again:
 * entries queued while it is down are kept and written once it is back, in
 * the order they were queued, each once.
 */
import pino from "pino";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { type LocalStore, startLocalStore } from "../../infra/local/store/local-store";
import { type StoreFixture, startStoreFixture } from "../test-support/store-fixture";
import { AuditBatch } from "./audit-batch";

let fixture: StoreFixture;
let restarted: LocalStore | undefined;
beforeAll(async () => {
  vi.stubEnv("RDSDECK_MODE", "aws");
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
  fixture = await startStoreFixture();
});
afterAll(async () => {
  if (restarted) {
    await restarted.stop();
    fixture.store.stop = async () => {}; // already stopped once, before the restart
  }
  await fixture?.stop();
});

const entry = (action: string) => ({ actor: "audit-batch test", action, outcome: "ok" as const });

async function actions(): Promise<string[]> {
  const rows = await fixture.query<{ action: string }>(
    "select action from audit_entries where actor = 'audit-batch test' order by id",
  );
  return rows.map((r) => r.action);
}

test("entries queued while the store is down are written once it is back, in order, each once", async () => {
  const batch = new AuditBatch();
  batch.add(entry("before"));
  await batch.flush();
  expect(await actions()).toEqual(["before"]);

  await fixture.store.stop();
  batch.add(entry("during 1"));
  batch.add(entry("during 2"));
  await batch.flush(); // refused: kept for the next flush

  restarted = await startLocalStore({
    dataDir: fixture.dataDir,
    host: fixture.store.host,
    port: fixture.store.port,
    pgUser: process.env.RDSDECK_PG_USER ?? "nobody",
    credentials: fixture.credentials,
    log: pino({ level: "silent" }),
  });
  batch.add(entry("after"));
  await batch.flush();
  expect(await actions()).toEqual(["before", "during 1", "during 2", "after"]);
});
