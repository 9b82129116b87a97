/**
 * The audit trail is append-only against anyone holding the app's store URL,
 * not only against rdsdeck's code: the app's role may INSERT and SELECT, and
 * nothing else — not change or remove an entry, not drop or disable the
 * trigger, not drop the table. Its owner (migrations only) is held by the
 * trigger.
 */
import { describe, expect, test } from "vitest";
import { storeForThisFile } from "../test-support/store-fixture";

const store = storeForThisFile();

const count = async () =>
  (await store().query<{ n: number }>("select count(*)::int as n from audit_entries"))[0]?.n ?? -1;

describe("the app's role on the audit trail", () => {
  test("may append an entry and read it back", async () => {
    await store().query("insert into audit_entries (actor, action, outcome) values ('tests', 'privileges', 'ok')");
    expect(await count()).toBeGreaterThan(0);
  });

  test.each([
    ["UPDATE", "update audit_entries set outcome = 'ok'", /permission denied for table audit_entries/],
    ["DELETE", "delete from audit_entries", /permission denied for table audit_entries/],
    ["TRUNCATE", "truncate audit_entries", /permission denied for table audit_entries/],
    ["DROP TRIGGER", "drop trigger audit_entries_no_update_or_delete on audit_entries", /must be owner/],
    ["DISABLE TRIGGER", "alter table audit_entries disable trigger audit_entries_no_update_or_delete", /must be owner/],
    ["DISABLE TRIGGER ALL", "alter table audit_entries disable trigger all", /must be owner/],
    ["DROP FUNCTION", "drop function audit_entries_append_only() cascade", /must be owner/],
    ["DROP TABLE", "drop table audit_entries", /must be owner/],
    ["ALTER OWNER", "alter table audit_entries owner to current_user", /must be owner/],
  ])("may not %s", async (_what, statement, refusal) => {
    await store().query("insert into audit_entries (actor, action, outcome) values ('tests', 'before', 'ok')");
    const before = await count();
    const attempt = store().query(statement);
    await expect(attempt).rejects.toThrow(refusal);
    const triggers = await store().queryAsOwner<{ tgenabled: string }>(
      "select tgenabled from pg_trigger where tgrelid = 'audit_entries'::regclass and not tgisinternal",
    );
    expect(triggers.map((t) => t.tgenabled)).toEqual(["O", "O"]);
    expect(await count()).toBe(before);
  });

  test("holds only INSERT and SELECT on it, and cannot grant itself more", async () => {
    await store().query("grant update, delete, truncate on audit_entries to current_user"); // PostgreSQL only warns
    const held = await store().query<{ privilege: string }>(
      `select p as privilege from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p
       where has_table_privilege(current_user, 'audit_entries', p)`,
    );
    expect(held.map((h) => h.privilege)).toEqual(["SELECT", "INSERT"]);
  });

  test("owns nothing in the store, and may not create tables beside it", async () => {
    const owned = await store().query<{ n: number }>(
      "select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user",
    );
    expect(owned[0]?.n).toBe(0);
    await expect(store().query("create table audit_entries_copy (id int)")).rejects.toThrow(/permission denied/);
  });
});

describe("the owner, which runs the migrations", () => {
  test.each([
    ["UPDATE", "update audit_entries set outcome = 'ok'"],
    ["DELETE", "delete from audit_entries"],
    ["TRUNCATE", "truncate audit_entries"],
  ])("is refused %s by the trigger", async (_op, statement) => {
    const before = await count();
    await expect(store().queryAsOwner(statement)).rejects.toThrow(/audit_entries is append-only/);
    expect(await count()).toBe(before);
  });
});
