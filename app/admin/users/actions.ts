"use server";

import { refresh } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { createDashboardUser } from "@/lib/dashboard-users/create-dashboard-user";
import { setDashboardUserDisabled, setDashboardUserRole } from "@/lib/dashboard-users/manage-dashboard-users";
import { createUserForm, setDisabledForm, setRoleForm } from "@/lib/dashboard-users/user-forms";

export const createUserAction = validatedAction(
  { action: "create-user", role: "admin", schema: createUserForm, target: (input) => input.email },
  async (input): Promise<string> => {
    await createDashboardUser(input);
    refresh();
    return input.email;
  },
);

export const setRoleAction = validatedAction(
  { action: "set-user-role", role: "admin", schema: setRoleForm, target: (input) => input.userId },
  async ({ userId, role }, { actor }): Promise<string> => {
    const email = await setDashboardUserRole({ userId, role, actorId: actor.id });
    refresh();
    return `${email} is now ${role}`;
  },
);

export const setDisabledAction = validatedAction(
  { action: "set-user-disabled", role: "admin", schema: setDisabledForm, target: (input) => input.userId },
  async ({ userId, disabled }, { actor }): Promise<string> => {
    const email = await setDashboardUserDisabled({ userId, disabled, actorId: actor.id });
    refresh();
    return `${email} is ${disabled ? "disabled" : "enabled"}`;
  },
);
