/** Resetting and changing dashboard passwords, against a real store: hashes, sessions, the lockout. */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { RequestContext } from "../auth/current-actor";
import { dashboardSessions } from "../store/schema";
import { getStore } from "../store/store-db";
import { passwordWorks, storeForThisFile } from "../test-support/store-fixture";
import { createDashboardUser } from "./create-dashboard-user";
import { changeOwnPassword, resetDashboardUserPassword } from "./dashboard-passwords";

const store = storeForThisFile();

const request: RequestContext = { requestId: "test-request", ipAddress: "10.1.2.3" };

async function newUser(email: string, password: string): Promise<string> {
  return (await createDashboardUser({ email, name: email, role: "viewer", password })).id;
}

/** A session row as better-auth writes one at sign-in. */
async function newSession(userId: string): Promise<string> {
  const id = randomUUID();
  await getStore()
    .db.insert(dashboardSessions)
    .values({ id, token: randomUUID(), userId, expiresAt: new Date(Date.now() + 3_600_000) });
  return id;
}

const sessionsOf = async (userId: string) =>
  (
    await getStore()
      .db.select({ id: dashboardSessions.id })
      .from(dashboardSessions)
      .where(eq(dashboardSessions.userId, userId))
  )
    .map((s) => s.id)
    .sort();

describe("an admin resets a password", () => {
  test("the new password works, the old does not, and every session of that user ends — nobody else's", async () => {
    const admin = await newUser("reset-admin@example.com", "admin-password-0001");
    const user = await newUser("reset-user@example.com", "user-password-00001");
    const adminSession = await newSession(admin);
    await newSession(user);
    await newSession(user);

    expect(await resetDashboardUserPassword({ userId: user, password: "user-password-00002", actorId: admin })).toBe(
      "reset-user@example.com",
    );
    expect(await passwordWorks(user, "user-password-00002")).toBe(true);
    expect(await passwordWorks(user, "user-password-00001")).toBe(false);
    expect(await sessionsOf(user)).toEqual([]);
    expect(await sessionsOf(admin)).toEqual([adminSession]);
  });

  test("not one's own (that asks for the current password), and not a user that does not exist", async () => {
    const admin = await newUser("self-reset@example.com", "admin-password-0002");
    await expect(
      resetDashboardUserPassword({ userId: admin, password: "admin-password-0003", actorId: admin }),
    ).rejects.toMatchObject({ name: "Conflict", message: expect.stringContaining("under Account") });
    expect(await passwordWorks(admin, "admin-password-0002")).toBe(true);
    await expect(
      resetDashboardUserPassword({ userId: "no-such-user", password: "admin-password-0003", actorId: admin }),
    ).rejects.toMatchObject({ name: "NotFound" });
  });
});

describe("a user changes their own password", () => {
  test("with the right current password: changed, this session kept, the others ended", async () => {
    const email = "change-own@example.com";
    const id = await newUser(email, "own-password-000001");
    const here = await newSession(id);
    await newSession(id);
    await changeOwnPassword({
      user: { id, email, sessionId: here },
      currentPassword: "own-password-000001",
      newPassword: "own-password-000002",
      request,
    });
    expect(await passwordWorks(id, "own-password-000002")).toBe(true);
    expect(await sessionsOf(id)).toEqual([here]);
  });

  test("a wrong current password changes nothing and counts as a failed sign-in, up to the lockout", async () => {
    const email = "guessing@example.com";
    const id = await newUser(email, "guess-password-00001");
    const here = await newSession(id);
    const other = await newSession(id);
    const user = { id, email, sessionId: here };
    const attempt = (currentPassword: string) =>
      changeOwnPassword({ user, currentPassword, newPassword: "guess-password-00002", request });

    for (let i = 1; i <= 5; i++) {
      await expect(attempt(`wrong-${i}`)).rejects.toMatchObject({
        name: "Invalid",
        message: "Your current password is not that one; nothing was changed.",
      });
    }
    const failures = await store().query<{ n: number }>(
      "select count(*)::int as n from audit_entries where action = 'sign-in' and target = $1 and outcome = 'failed'",
      [email],
    );
    expect(failures[0]?.n).toBe(5);
    // Locked: even the right password is refused now, and nothing changed.
    await expect(attempt("guess-password-00001")).rejects.toMatchObject({
      name: "TooManyRequests",
      message: expect.stringContaining("Too many failed sign-ins for this account"),
    });
    expect(await passwordWorks(id, "guess-password-00001")).toBe(true);
    expect(await sessionsOf(id)).toEqual([here, other].sort());
  });
});
