"use server";

import { refresh } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { alarmForm } from "@/lib/fleet/alarm-form";
import { putAlarm } from "@/lib/fleet/put-alarm";

export const createAlarmAction = validatedAction(
  { action: "create-alarm", role: "operator", schema: alarmForm, target: (alarm) => alarm.name },
  async (alarm): Promise<string> => {
    await putAlarm({ alarm });
    // The same response re-renders the list, so the new alarm shows without waiting for the next refresh.
    refresh();
    return alarm.name;
  },
);
