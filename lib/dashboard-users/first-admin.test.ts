/** The first admin on first run, against a real store: a generated password goes to a 0600 file, never the terminal. */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { dashboardSessions, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";
import { passwordWorks, storeForThisFile } from "../test-support/store-fixture";
import { changeOwnPassword } from "./dashboard-passwords";
import { ensureFirstAdmin, forgetFirstAdminPassword } from "./first-admin";

const EMAIL = "first-admin@example.com";
const passwordDir = mkdtempSync(path.join(tmpdir(), "rdsdeck-first-admin-"));
const passwordFile = path.join(passwordDir, "first-admin-password");
afterAll(() => rmSync(passwordDir, { recursive: true, force: true }));
// Left by an earlier run with a mode anyone could read: the new password must not inherit it.
writeFileSync(passwordFile, "stale\n", { mode: 0o644 });

const store = storeForThisFile({ RDSDECK_ADMIN_EMAIL: EMAIL, RDSDECK_ADMIN_PASSWORD_FILE: passwordFile });

async function firstAdmin() {
  const [user] = await getStore().db.select().from(dashboardUsers).where(eq(dashboardUsers.email, EMAIL));
  if (!user) throw new Error("no first admin");
  return user;
}

describe("the first admin", () => {
  test("gets a generated password in a file only its owner can read; the terminal shows where, not what", async () => {
    const printed: string[] = [];
    await ensureFirstAdmin((text) => printed.push(text));
    const password = readFileSync(passwordFile, "utf8").trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(printed.join("")).toContain(passwordFile);
    expect(printed.join("")).not.toContain(password);
    const admin = await firstAdmin();
    expect(admin).toMatchObject({ role: "admin", mustChangePassword: true });
    expect(await passwordWorks(admin.id, password)).toBe(true);
    const [entry] = await store().query<{ parameters: Record<string, unknown> }>(
      "select parameters from audit_entries where action = 'create-first-admin'",
    );
    expect(entry?.parameters).toMatchObject({
      handedOutThrough: "RDSDECK_ADMIN_PASSWORD_FILE",
      changeRequiredAtFirstSignIn: true,
    });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  test("is made once: a second start changes neither the user nor the file", async () => {
    const before = readFileSync(passwordFile, "utf8");
    await ensureFirstAdmin(() => {
      throw new Error("nothing should be printed");
    });
    expect(readFileSync(passwordFile, "utf8")).toBe(before);
  });

  test("choosing a new password lifts the requirement, and the handed-out password's file goes", async () => {
    const admin = await firstAdmin();
    const handedOut = readFileSync(passwordFile, "utf8").trim();
    const sessionId = randomUUID();
    await getStore()
      .db.insert(dashboardSessions)
      .values({ id: sessionId, token: randomUUID(), userId: admin.id, expiresAt: new Date(Date.now() + 3_600_000) });
    await changeOwnPassword({
      user: { id: admin.id, email: EMAIL, sessionId },
      currentPassword: handedOut,
      newPassword: "a-password-of-my-own-01",
      request: { requestId: "first-sign-in", ipAddress: "127.0.0.1" },
    });
    expect((await firstAdmin()).mustChangePassword).toBe(false);
    expect(await passwordWorks(admin.id, "a-password-of-my-own-01")).toBe(true);
    forgetFirstAdminPassword();
    expect(existsSync(passwordFile)).toBe(false);
  });
});
