/** The admin's user forms, validated the same way from the page and from a forged request. */
import { z } from "zod";
import { currentPassword } from "../auth/current-password";
import { roleSchema } from "../auth/roles";

export const email = z
  .string({ error: "expected an email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email("expected an email address").max(254, "expected at most 254 characters"));

export const newPassword = z
  .string({ error: "expected a password" })
  .min(12, "expected a password of at least 12 characters")
  .max(128, "expected a password of at most 128 characters");

/** Making an admin (by creating one or by a role change) needs the acting admin's password. */
const adminNeedsPassword = {
  path: ["currentPassword"],
  message: "expected your current password: making an admin needs it",
};

export const createUserForm = z
  .object({
    email,
    name: z
      .string({ error: "expected a name" })
      .trim()
      .min(1, "expected a name")
      .max(100, "expected at most 100 characters"),
    role: roleSchema,
    password: newPassword,
    currentPassword,
  })
  .refine((f) => f.role !== "admin" || f.currentPassword !== undefined, adminNeedsPassword);

const userId = z.string({ error: "expected a user id" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a user id");

export const setRoleForm = z
  .object({ userId, role: roleSchema, currentPassword })
  .refine((f) => f.role !== "admin" || f.currentPassword !== undefined, adminNeedsPassword);

export const setDisabledForm = z.object({
  userId,
  disabled: z.enum(["true", "false"], { error: "expected true or false" }).transform((v) => v === "true"),
});

/** By email: the sign-in count is kept per email, and the audit entry of the unlock is what it honours. */
export const unlockSignInForm = z.object({ email });

export const resetPasswordForm = z
  .object({ userId, password: newPassword, currentPassword })
  .refine((f) => f.currentPassword !== undefined, {
    path: ["currentPassword"],
    message: "expected your current password: resetting someone's password needs it",
  });

export const changePasswordForm = z
  .object({
    currentPassword: z
      .string({ error: "expected your current password" })
      .min(1, "expected your current password")
      .max(128, "expected a password of at most 128 characters"),
    newPassword,
    confirmPassword: z.string({ error: "expected the new password a second time" }),
  })
  .refine((f) => f.confirmPassword === f.newPassword, {
    path: ["confirmPassword"],
    message: "the new password and its confirmation differ",
  })
  .refine((f) => f.newPassword !== f.currentPassword, {
    path: ["newPassword"],
    message: "expected a new password other than the current one",
  });
