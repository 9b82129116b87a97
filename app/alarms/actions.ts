"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withTypedConfirmation } from "@/lib/actions/typed-confirmation";
import { validatedAction } from "@/lib/actions/validated-action";
import { alarmForm } from "@/lib/fleet/alarm-form";
import { alarmName } from "@/lib/fleet/alarm-name";
import { deleteAlarm, setAlarmActions } from "@/lib/fleet/change-alarm";
import { createAlarm, updateAlarm } from "@/lib/fleet/put-alarm";

export const createAlarmAction = validatedAction(
  { action: "create-alarm", role: "operator", schema: alarmForm, target: (alarm) => alarm.name },
  async (alarm): Promise<string> => {
    await createAlarm({ alarm });
    // The same response re-renders the list, so the new alarm shows without waiting for the next refresh.
    refresh();
    return `Alarm ${alarm.name} saved.`;
  },
);

export const updateAlarmAction = validatedAction(
  { action: "update-alarm", role: "operator", schema: alarmForm, target: (alarm) => alarm.name },
  async (alarm): Promise<string> => {
    await updateAlarm({ alarm });
    refresh();
    return `Alarm ${alarm.name} saved.`;
  },
);

const actionsSwitch = z.object({
  name: alarmName,
  enabled: z.enum(["true", "false"], { error: "enabled: expected true or false" }).transform((v) => v === "true"),
});

export const setAlarmActionsAction = validatedAction(
  { action: "set-alarm-actions", role: "operator", schema: actionsSwitch, target: (form) => form.name },
  async ({ name, enabled }): Promise<string> => {
    await setAlarmActions({ name, enabled });
    refresh();
    return enabled ? `Notifications of ${name} are on.` : `Notifications of ${name} are off.`;
  },
);

const deletion = withTypedConfirmation("name", { name: alarmName }, { what: "the alarm's name", action: "deletion" });

export const deleteAlarmAction = validatedAction(
  { action: "delete-alarm", role: "operator", schema: deletion, target: (form) => form.name },
  async ({ name }): Promise<string> => {
    await deleteAlarm({ name });
    // The alarm's page is gone with it: back to the list, which says what happened.
    redirect(`/alarms?deleted=${encodeURIComponent(name)}`);
  },
);
