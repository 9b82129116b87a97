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
  { action: "create-alarm", schema: alarmForm, target: (alarm) => alarm.name },
  async (alarm): Promise<string> => {
    await createAlarm({ alarm });
    // The same response re-renders the list, so the new alarm shows without waiting for the next refresh.
    refresh();
    return `Alarm ${alarm.name} saved.`;
  },
);

export const updateAlarmAction = validatedAction(
  { action: "update-alarm", schema: alarmForm, target: (alarm) => alarm.name },
  async (alarm): Promise<string> => {
    await updateAlarm({ alarm });
    refresh();
    return `Alarm ${alarm.name} saved.`;
  },
);

/** One direction per action, so each has its own role: a form cannot ask one for the other. */
const actionsSwitch = (to: "true" | "false") =>
  z.object({
    name: alarmName,
    enabled: z.literal(to, { error: `enabled: expected ${to}` }).transform((v) => v === "true"),
  });

/** Turning notifications back on only restores detection: any operator may. */
export const enableAlarmActionsAction = validatedAction(
  { action: "enable-alarm-actions", schema: actionsSwitch("true"), target: (form) => form.name },
  async ({ name }): Promise<string> => {
    await setAlarmActions({ name, enabled: true });
    refresh();
    return `Notifications of ${name} are on.`;
  },
);

/**
 * Silencing an alarm, like deleting it, takes away the fleet's warning that
 * something is wrong, and nobody outside the dashboard would notice: the
 * admin's, as deleting data is (README, "Sign-in, roles and the audit trail").
 */
export const disableAlarmActionsAction = validatedAction(
  { action: "disable-alarm-actions", schema: actionsSwitch("false"), target: (form) => form.name },
  async ({ name }): Promise<string> => {
    await setAlarmActions({ name, enabled: false });
    refresh();
    return `Notifications of ${name} are off.`;
  },
);

const deletion = withTypedConfirmation("name", { name: alarmName }, { what: "the alarm's name", action: "deletion" });

export const deleteAlarmAction = validatedAction(
  { action: "delete-alarm", schema: deletion, target: (form) => form.name },
  async ({ name }): Promise<string> => {
    await deleteAlarm({ name });
    // The alarm's page is gone with it: back to the list, which says what happened.
    redirect(`/alarms?deleted=${encodeURIComponent(name)}`);
  },
);
