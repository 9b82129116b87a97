"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { alarmForm } from "@/lib/fleet/alarm-form";
import { alarmName } from "@/lib/fleet/alarm-name";
import { deleteAlarm, setAlarmActions } from "@/lib/fleet/change-alarm";
import { createAlarm, updateAlarm } from "@/lib/fleet/put-alarm";

export const createAlarmAction = validatedAction("create-alarm", alarmForm, async (alarm): Promise<string> => {
  await createAlarm({ alarm });
  // The same response re-renders the list, so the new alarm shows without waiting for the next refresh.
  refresh();
  return `Alarm ${alarm.name} saved.`;
});

export const updateAlarmAction = validatedAction("update-alarm", alarmForm, async (alarm): Promise<string> => {
  await updateAlarm({ alarm });
  refresh();
  return `Alarm ${alarm.name} saved.`;
});

const actionsSwitch = z.object({
  name: alarmName,
  enabled: z.enum(["true", "false"], { error: "enabled: expected true or false" }).transform((v) => v === "true"),
});

export const setAlarmActionsAction = validatedAction(
  "set-alarm-actions",
  actionsSwitch,
  async ({ name, enabled }): Promise<string> => {
    await setAlarmActions({ name, enabled });
    refresh();
    return enabled ? `Notifications of ${name} are on.` : `Notifications of ${name} are off.`;
  },
);

/** Deleting cannot be undone, so the form must carry the name typed again; this check is the one that counts. */
const deletion = z
  .object({ name: alarmName, confirmation: z.string({ error: "Type the alarm's name to confirm the deletion" }) })
  .refine((form) => form.confirmation.trim() === form.name, {
    path: ["confirmation"],
    message: "The confirmation does not match the alarm's name",
  });

export const deleteAlarmAction = validatedAction("delete-alarm", deletion, async ({ name }): Promise<string> => {
  await deleteAlarm({ name });
  // The alarm's page is gone with it: back to the list, which says what happened.
  redirect(`/alarms?deleted=${encodeURIComponent(name)}`);
});
