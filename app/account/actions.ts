"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { requestContext } from "@/lib/auth/current-actor";
import { changeOwnPassword } from "@/lib/dashboard-users/dashboard-passwords";
import { changePasswordForm } from "@/lib/dashboard-users/user-forms";

export const changePasswordAction = validatedAction(
  { action: "change-own-password", role: "viewer", schema: changePasswordForm },
  async ({ currentPassword, newPassword }, { actor }): Promise<string> => {
    await changeOwnPassword({ user: actor, currentPassword, newPassword, request: await requestContext() });
    return "Your password is changed; you are signed out everywhere else.";
  },
);
