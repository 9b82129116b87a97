/** Sign-in attempts against a real store: what is said, what is recorded, and the lock across processes. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { createDashboardUser } from "../dashboard-users/create-dashboard-user";
import { setDashboardUserDisabled } from "../dashboard-users/manage-dashboard-users";
import { storeForThisFile } from "../test-support/store-fixture";
import { attemptSignIn, DISABLED, WRONG } from "./sign-in-attempt";

const store = storeForThisFile();
const SERVER_ONLY = path.join(import.meta.dirname, "..", "..", "test-support", "server-only-outside-next.mjs");

const attempt = (email: string, password: string, ipAddress = "10.7.0.1", requestId = "test-attempt") =>
  attemptSignIn({ email, password, requestId, ipAddress }, async () => {});

type Entry = { actor: string; target: string | null; outcome: string; error: string | null };
const entriesFor = (requestId: string) =>
  store().query<Entry>("select actor, target, outcome, error from audit_entries where request_id = $1 order by id", [
    requestId,
  ]);

describe("what a sign-in attempt says and records", () => {
  test("text typed in the email field that matches no account is never kept: the actor is anonymous", async () => {
    const typed = "Tr0ub4dor&3-typed-into-the-email-field";
    expect(await attempt(typed, "anything-at-all", "10.7.0.1", "typed-in-email")).toEqual({ ok: false, error: WRONG });
    expect(await entriesFor("typed-in-email")).toEqual([
      { actor: "anonymous", target: null, outcome: "failed", error: "no such account" },
    ]);
    const all = await store().query("select * from audit_entries");
    expect(JSON.stringify(all).toLowerCase()).not.toContain(typed.toLowerCase());
  });

  test("a disabled account answers as any wrong password does, unless the password is right", async () => {
    const email = "disabled-user@example.com";
    const admin = await createDashboardUser({
      email: "admin-d@example.com",
      name: "a",
      role: "admin",
      password: "admin-password-000",
    });
    const { id } = await createDashboardUser({ email, name: "d", role: "viewer", password: "right-password-0001" });
    await setDashboardUserDisabled({ userId: id, disabled: true, actorId: admin.id });
    expect(await attempt(email, "wrong-password-0001", "10.7.0.2")).toEqual({ ok: false, error: WRONG });
    expect(await attempt(email, "right-password-0001", "10.7.0.2")).toEqual({ ok: false, error: DISABLED });
  });

  test("the ok entry is written before the session is opened; if it cannot be written, no session opens", async () => {
    const email = "first-entry@example.com";
    await createDashboardUser({ email, name: "f", role: "viewer", password: "entry-password-0001" });
    let entriesWhenOpened: Entry[] | undefined;
    const ok = await attemptSignIn(
      { email, password: "entry-password-0001", requestId: "entry-first", ipAddress: "10.7.0.3" },
      async () => {
        entriesWhenOpened = await entriesFor("entry-first");
      },
    );
    expect(ok).toEqual({ ok: true });
    expect(entriesWhenOpened).toEqual([{ actor: email, target: email, outcome: "ok", error: null }]);

    // The store refuses the app's entries (as when it is read-only or full): the attempt fails, no session opens.
    await store().queryAsOwner("revoke insert on audit_entries from rdsdeck");
    try {
      let opened = false;
      const refused = attemptSignIn(
        { email, password: "entry-password-0001", requestId: "entry-refused", ipAddress: "10.7.0.3" },
        async () => {
          opened = true;
        },
      );
      await expect(refused).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
      expect(opened).toBe(false);
    } finally {
      await store().queryAsOwner("grant insert on audit_entries to rdsdeck");
    }
  });
});

describe("the lockout holds under parallel attempts", () => {
  test("50 wrong passwords at once, from two app processes: exactly 5 are checked, 45 refused as locked out", async () => {
    const email = "raced@example.com";
    await createDashboardUser({ email, name: "r", role: "viewer", password: "raced-password-0001" });
    const worker = path.join(import.meta.dirname, "test-support", "sign-in-worker.ts");
    const run = (name: string) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "--import", SERVER_ONLY, worker], {
        env: {
          ...process.env,
          RDSDECK_MODE: "aws",
          RDSDECK_LOG_LEVEL: "silent",
          SIGN_IN_EMAIL: email,
          SIGN_IN_ATTEMPTS: "25",
          SIGN_IN_WORKER: name,
        },
        timeout: 120_000,
      });
    const outputs = await Promise.all([run("one"), run("two")]);
    const answers = outputs.flatMap((o) =>
      o.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    );
    expect(answers).toHaveLength(50);
    expect(answers.every((a) => a.ok === false)).toBe(true);
    const counts = await store().query<{ outcome: string; n: number }>(
      "select outcome, count(*)::int as n from audit_entries where target = $1 group by outcome order by outcome",
      [email],
    );
    expect(counts).toEqual([
      { outcome: "denied", n: 45 },
      { outcome: "failed", n: 5 },
    ]);
  });
});
