"use server";

import { refresh } from "next/cache";
import { type ActionContext, validatedAction } from "@/lib/actions/validated-action";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { requestContext } from "@/lib/auth/current-actor";
import { UNLOCK_SIGN_IN } from "@/lib/auth/sign-in-throttle";
import { createDashboardUser } from "@/lib/dashboard-users/create-dashboard-user";
import { resetDashboardUserPassword } from "@/lib/dashboard-users/dashboard-passwords";
import {
  requireDashboardUser,
  setDashboardUserDisabled,
  setDashboardUserRole,
} from "@/lib/dashboard-users/manage-dashboard-users";
import {
  createUserForm,
  resetPasswordForm,
  setDisabledForm,
  setRoleForm,
  unlockSignInForm,
} from "@/lib/dashboard-users/user-forms";

/** The acting admin's own password, again: a stolen session alone makes no admin and resets no password. */
async function reauthenticate(password: string | undefined, purpose: string, { actor }: ActionContext): Promise<void> {
  await confirmPassword({
    user: actor,
    password: password ?? "",
    request: await requestContext(),
    purpose,
    field: "currentPassword",
  });
}

export const createUserAction = validatedAction(
  { action: "create-user", schema: createUserForm, target: (input) => input.email },
  async ({ currentPassword, ...user }, context): Promise<string> => {
    if (user.role === "admin") await reauthenticate(currentPassword, "creating an admin", context);
    await createDashboardUser(user);
    refresh();
    return user.email;
  },
);

export const setRoleAction = validatedAction(
  { action: "set-user-role", schema: setRoleForm, target: (input) => input.userId },
  async ({ userId, role, currentPassword }, context): Promise<string> => {
    const { actor } = context;
    if (role === "admin") await reauthenticate(currentPassword, "making an admin", context);
    const email = await setDashboardUserRole({ userId, role, actorId: actor.id });
    refresh();
    return `${email} is now ${role}`;
  },
);

export const setDisabledAction = validatedAction(
  { action: "set-user-disabled", schema: setDisabledForm, target: (input) => input.userId },
  async ({ userId, disabled }, { actor }): Promise<string> => {
    const email = await setDashboardUserDisabled({ userId, disabled, actorId: actor.id });
    refresh();
    return `${email} is ${disabled ? "disabled" : "enabled"}`;
  },
);

/** The user signs in again with the new password: every session of theirs ends. */
export const resetPasswordAction = validatedAction(
  { action: "reset-user-password", schema: resetPasswordForm, target: (input) => input.userId },
  async ({ userId, password, currentPassword }, context): Promise<string> => {
    await reauthenticate(currentPassword, "resetting a password", context);
    const email = await resetDashboardUserPassword({ userId, password, actorId: context.actor.id });
    return `${email}'s password is reset; their sessions have ended.`;
  },
);

/** Lifts a lockout at once (someone may be keeping it up on purpose); the failure count starts again from here. */
export const unlockSignInAction = validatedAction(
  { action: UNLOCK_SIGN_IN, schema: unlockSignInForm, target: (input) => input.email },
  async ({ email }): Promise<string> => {
    await requireDashboardUser({ email });
    return `${email} may sign in again now.`;
  },
);
