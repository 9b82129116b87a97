/** The audit trail's retention, against a real store: only the owner prunes, only what is old enough. */
import { beforeAll, describe, expect, test } from "vitest";
import { storeForThisFile } from "../test-support/store-fixture";
import { migrateStore, pruneAsOwner } from "./migrate-store";

const store = storeForThisFile();

const DAY = "1 day";
/** Entries of this test's own action, `daysAgo` days old each. */
async function plant(...daysAgo: number[]): Promise<void> {
  for (const days of daysAgo) {
    await store().query(
      `insert into audit_entries (actor, action, outcome, at) values ('test', 'prune-test', 'ok', now() - $1::int * interval '${DAY}')`,
      [days],
    );
  }
}

const ages = async () =>
  (
    await store().query<{ days: number }>(
      "select round(extract(epoch from now() - at) / 86400)::int as days from audit_entries where action = 'prune-test' order by at",
    )
  ).map((r) => r.days);

describe("audit retention", () => {
  beforeAll(async () => {
    await plant(500, 401, 100, 10, 0);
  });

  test("0 days keeps every entry", async () => {
    await migrateStore({ url: store().url, ownerUrl: store().ownerUrl, auditRetentionDays: 0 });
    expect(await ages()).toEqual([500, 401, 100, 10, 0]);
  });

  test("at start, as the owner: entries older than the retention go, the rest stay", async () => {
    await migrateStore({ url: store().url, ownerUrl: store().ownerUrl, auditRetentionDays: 400 });
    expect(await ages()).toEqual([100, 10, 0]);
    await pruneAsOwner({ ownerUrl: store().ownerUrl, auditRetentionDays: 30 });
    expect(await ages()).toEqual([10, 0]);
  });

  test("without the cut-off in its transaction, even the owner may not delete an old entry", async () => {
    await plant(90);
    await expect(store().queryAsOwner("delete from audit_entries where action = 'prune-test'")).rejects.toThrow(
      /append-only/,
    );
    expect(await ages()).toEqual([90, 10, 0]);
  });

  test("a cut-off less than 30 days back is refused: no prune reaches the last month", async () => {
    await expect(
      store().queryAsOwner(
        `begin; select set_config('rdsdeck.audit_prune_before', (now() - interval '5 days')::text, true);
         delete from audit_entries where action = 'prune-test' and at < now() - interval '5 days'; commit;`,
      ),
    ).rejects.toThrow(/at least 30 days/);
    expect(await ages()).toEqual([90, 10, 0]);
  });

  test("the cut-off allows DELETE of older entries only: no UPDATE, no TRUNCATE, nothing newer", async () => {
    const withCutoff = (statement: string) =>
      store().queryAsOwner(
        `begin; select set_config('rdsdeck.audit_prune_before', (now() - interval '60 days')::text, true); ${statement}; commit;`,
      );
    await expect(
      withCutoff("update audit_entries set actor = 'rewritten' where action = 'prune-test'"),
    ).rejects.toThrow(/append-only/);
    await expect(withCutoff("truncate audit_entries")).rejects.toThrow(/append-only/);
    await expect(withCutoff("delete from audit_entries where action = 'prune-test'")).rejects.toThrow(/append-only/);
    expect(await ages()).toEqual([90, 10, 0]);
  });

  test("the app's own role may not prune, cut-off or not", async () => {
    await expect(
      store().query(
        `begin; select set_config('rdsdeck.audit_prune_before', (now() - interval '60 days')::text, true);
         delete from audit_entries where action = 'prune-test' and at < now() - interval '60 days'; commit;`,
      ),
    ).rejects.toThrow(/permission denied/);
    expect(await ages()).toEqual([90, 10, 0]);
  });
});
