"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { requestContext } from "@/lib/auth/current-actor";
import { changeOwnPassword } from "@/lib/dashboard-users/dashboard-passwords";
import { forgetFirstAdminPassword } from "@/lib/dashboard-users/first-admin";
import { changePasswordForm } from "@/lib/dashboard-users/user-forms";

/** Open while a new password is required: it is what that requirement asks for. */
export const changePasswordAction = validatedAction(
  { action: "change-own-password", schema: changePasswordForm, beforePasswordChange: true },
  async ({ currentPassword, newPassword }, { actor }): Promise<string> => {
    await changeOwnPassword({ user: actor, currentPassword, newPassword, request: await requestContext() });
    if (actor.mustChangePassword) {
      // The handed-out password is spent: its file goes, and the dashboard opens.
      forgetFirstAdminPassword();
      redirect("/");
    }
    return "Your password is changed; you are signed out everywhere else.";
  },
);
