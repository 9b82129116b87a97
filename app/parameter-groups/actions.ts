"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { rebootForm } from "@/lib/fleet/action-forms";
import {
  assignParameterGroup,
  createParameterGroup,
  deleteParameterGroup,
  modifyParameter,
  resetParameter,
} from "@/lib/fleet/parameter-group-actions";
import {
  assignParameterGroupForm,
  createParameterGroupForm,
  deleteParameterGroupForm,
  modifyParameterForm,
  resetParameterForm,
} from "@/lib/fleet/parameter-group-forms";
import { instancesUsing } from "@/lib/fleet/parameter-group-users";
import { rebootInstance } from "@/lib/fleet/reboot-instance";

const groupHref = (name: string) => `/parameter-groups/${encodeURIComponent(name)}`;

/** "Used by a, b." — a change to a group reaches every instance using it, and the operator is told which. */
async function reach(group: string, applyMethod: string): Promise<string> {
  const users = await instancesUsing(group);
  if (users.length === 0) return "No instance uses this group.";
  const when = applyMethod === "immediate" ? "now" : "at their next reboot";
  return `It applies ${when} to ${users.length === 1 ? "the instance" : `${users.length} instances`} using it: ${users.join(", ")}.`;
}

export const createParameterGroupAction = validatedAction(
  { action: "create-db-parameter-group", schema: createParameterGroupForm, target: (f) => f.name },
  async ({ name, family, description }): Promise<string> => {
    await createParameterGroup({ name, family, description });
    redirect(groupHref(name));
  },
);

export const modifyParameterAction = validatedAction(
  { action: "modify-db-parameter-group", schema: modifyParameterForm, target: (f) => f.group },
  async ({ group, parameter, value, applyMethod }): Promise<string> => {
    await modifyParameter({ group, parameter, value, applyMethod });
    refresh();
    return `${parameter} set to ${value} in ${group} (${applyMethod}). ${await reach(group, applyMethod)}`;
  },
);

export const resetParameterAction = validatedAction(
  { action: "reset-db-parameter-group", schema: resetParameterForm, target: (f) => f.group },
  async ({ group, parameter, applyMethod }): Promise<string> => {
    await resetParameter({ group, parameter, applyMethod });
    refresh();
    return `${parameter} reset to its default in ${group}. ${await reach(group, applyMethod)}`;
  },
);

export const deleteParameterGroupAction = validatedAction(
  { action: "delete-db-parameter-group", schema: deleteParameterGroupForm, target: (f) => f.group },
  async ({ group }): Promise<string> => {
    await deleteParameterGroup({ name: group });
    redirect("/parameter-groups");
  },
);

export const assignParameterGroupAction = validatedAction(
  {
    action: "modify-db-instance-parameter-group",
    schema: assignParameterGroupForm,
    target: (f) => f.instance,
  },
  async ({ instance, group }): Promise<string> => {
    await assignParameterGroup({ instance, group });
    refresh();
    return `${instance} now uses ${group}; its values take effect when it reboots (pending-reboot).`;
  },
);

/** The reboot a static parameter waits for, offered where the pending-reboot is shown. */
export const rebootForParametersAction = validatedAction(
  { action: "reboot", schema: rebootForm, target: (f) => f.identifier },
  async ({ identifier }): Promise<string> => {
    const instance = await rebootInstance({ identifier });
    refresh();
    return `${identifier} is ${instance.status}: the group's values take effect when it is available again.`;
  },
);
