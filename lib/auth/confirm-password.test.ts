/**
 * Re-authentication before what a stolen session must not be enough for:
 * which forms ask for the password again, and the check itself against a
 * real store (a wrong one is refused, audited, and counted toward the lockout).
 */
import { describe, expect, test } from "vitest";
import { createApiKeyForm } from "../api-keys/api-key-forms";
import { createDashboardUser } from "../dashboard-users/create-dashboard-user";
import { createUserForm, resetPasswordForm, setRoleForm } from "../dashboard-users/user-forms";
import { storeForThisFile } from "../test-support/store-fixture";
import { confirmPassword } from "./confirm-password";

const store = storeForThisFile();

const refusal = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? undefined : result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("forms that ask for the acting admin's password", () => {
  const user = { email: "new@example.com", name: "New", password: "a-new-password-0001" };
  const key = { name: "app", rateLimitPerSecond: "100" };

  test.each([
    ["creating an admin", createUserForm, { ...user, role: "admin" }, "making an admin needs it"],
    ["making someone admin", setRoleForm, { userId: "u1", role: "admin" }, "making an admin needs it"],
    ["resetting a password", resetPasswordForm, { userId: "u1", password: user.password }, "resetting"],
    ["minting a read-write key", createApiKeyForm, { ...key, scope: "read-write" }, "a read-write key needs it"],
  ] as const)("%s: refused without it, naming the field", (_what, form, fields, message) => {
    expect(refusal(form.safeParse(fields))).toEqual([
      expect.stringMatching(new RegExp(`^currentPassword: .*${message}`)),
    ]);
    expect(form.safeParse({ ...fields, currentPassword: "typed" }).success).toBe(true);
  });

  test.each([
    ["creating a viewer", createUserForm, { ...user, role: "viewer" }],
    ["making someone an operator", setRoleForm, { userId: "u1", role: "operator" }],
    ["minting a read key", createApiKeyForm, { ...key, scope: "read" }],
  ] as const)("%s: not needed", (_what, form, fields) => {
    expect(form.safeParse(fields).success).toBe(true);
  });

  test("a key's expiry: empty is never, else whole days from 1 to 3650", () => {
    const days = (expiresInDays: string) => createApiKeyForm.safeParse({ ...key, scope: "read", expiresInDays });
    expect(days("").data?.expiresInDays).toBeUndefined();
    expect(days(" 30 ").data?.expiresInDays).toBe(30);
    for (const bad of ["0", "1.5", "3651", "soon"]) {
      expect(refusal(days(bad))?.[0], bad).toMatch(/^expiresInDays: /);
    }
  });
});

describe("confirmPassword", () => {
  const request = { requestId: "reauth", ipAddress: "192.0.2.44" };

  test("passes the right password, refuses a wrong one with an audited failed sign-in, and locks out after 5", async () => {
    const email = "reauth-admin@example.com";
    const { id } = await createDashboardUser({ email, name: "A", role: "admin", password: "reauth-password-0001" });
    const check = (password: string) =>
      confirmPassword({
        user: { id, email },
        password,
        request,
        purpose: "creating an admin",
        field: "currentPassword",
      });
    await expect(check("reauth-password-0001")).resolves.toBeUndefined();
    for (let i = 1; i <= 5; i++) {
      await expect(check(`wrong-${i}`)).rejects.toMatchObject({
        name: "Invalid",
        message: "Your current password is not that one; nothing was done.",
        details: [{ field: "currentPassword", message: "not your current password" }],
      });
    }
    const failures = await store().query<{ error: string; actor_id: string }>(
      "select error, actor_id from audit_entries where action = 'sign-in' and target = $1 and outcome = 'failed'",
      [email],
    );
    expect(failures).toHaveLength(5);
    expect(failures[0]).toEqual({ error: "wrong current password when creating an admin", actor_id: id });
    // Locked out now: the right password is refused as well, so a stolen session cannot keep guessing.
    await expect(check("reauth-password-0001")).rejects.toMatchObject({ name: "TooManyRequests" });
  });
});
