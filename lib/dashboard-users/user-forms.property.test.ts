/** The admin's user forms, fed what a forged request may post. */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { anyText, expectIssuesNameFields, formFields, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import {
  changePasswordForm,
  createUserForm,
  resetPasswordForm,
  setDisabledForm,
  setRoleForm,
  unlockSignInForm,
} from "./user-forms";

const forms: Array<[string, z.ZodObject]> = [
  ["create user", createUserForm],
  ["set role", setRoleForm],
  ["set disabled", setDisabledForm],
  ["reset password", resetPasswordForm],
  ["unlock sign-in", unlockSignInForm],
];

const fields = formFields({
  email: padded(
    fc.oneof(
      fc.emailAddress(),
      fc.emailAddress().map((e) => e.toUpperCase()),
    ),
  ),
  name: padded(fc.string({ maxLength: 110 })),
  role: fc.constantFrom(...roles, "Admin", "root"),
  password: fc.oneof(fc.string({ minLength: 10, maxLength: 130 }), anyText),
  userId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), anyText),
  disabled: fc.constantFrom("true", "false", "TRUE", "1", "on"),
});

test("dashboard users: never throw; refuse naming a field, or yield a normalised user, role or state", async () => {
  await checkProperty(
    "form: dashboard users",
    fc.property(fc.constantFrom(...forms), fields, ([, form], posted) => {
      const parsed = form.safeParse(posted);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(form.shape));
      const data = parsed.data as Record<string, unknown>;
      if ("email" in data) expect(data.email).toBe(String(data.email).trim().toLowerCase());
      if ("role" in data) expect(roles).toContain(data.role);
      if ("password" in data) expect(String(data.password).length).toBeGreaterThanOrEqual(12);
      if ("disabled" in data) expect(typeof data.disabled).toBe("boolean");
      if ("userId" in data) expect(data.userId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }),
  );
});

test("change own password: never throws; a refusal names a field; what passes is new, long enough and confirmed", async () => {
  const password = fc.oneof(fc.string({ minLength: 0, maxLength: 140 }), anyText);
  await checkProperty(
    "form: change own password",
    fc.property(
      password,
      password,
      fc.oneof(fc.constant<"same">("same"), password),
      fc.boolean(),
      (currentPassword, newPassword, confirm, reuseCurrent) => {
        const next = reuseCurrent ? currentPassword : newPassword;
        const posted = { currentPassword, newPassword: next, confirmPassword: confirm === "same" ? next : confirm };
        const parsed = changePasswordForm.safeParse(posted);
        if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(changePasswordForm.shape));
        expect(parsed.data.newPassword.length).toBeGreaterThanOrEqual(12);
        expect(parsed.data.newPassword.length).toBeLessThanOrEqual(128);
        expect(parsed.data.confirmPassword).toBe(parsed.data.newPassword);
        expect(parsed.data.newPassword).not.toBe(parsed.data.currentPassword);
        expect(parsed.data.currentPassword.length).toBeGreaterThan(0);
      },
    ),
  );
});
