import "server-only";
import {
  type CloudWatchClient,
  DeleteAlarmsCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
} from "@aws-sdk/client-cloudwatch";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";
import { readAlarm } from "./read-alarm";

/**
 * Deletes one alarm. DeleteAlarms succeeds for names it does not know, so the
 * alarm is read first: deleting what is not there is the reader's mistake to
 * hear about (NotFound), not a silent success.
 */
export async function deleteAlarm({
  name,
  client = getCloudWatchClient(),
}: {
  name: string;
  client?: CloudWatchClient;
}): Promise<void> {
  await readAlarm({ name, client });
  await callCloudWatch({ operation: "DeleteAlarms" }, () =>
    client.send(new DeleteAlarmsCommand({ AlarmNames: [name] })),
  );
}

/** Turns an alarm's notifications on or off; its state keeps being evaluated either way. */
export async function setAlarmActions({
  name,
  enabled,
  client = getCloudWatchClient(),
}: {
  name: string;
  enabled: boolean;
  client?: CloudWatchClient;
}): Promise<void> {
  await readAlarm({ name, client });
  await callCloudWatch({ operation: enabled ? "EnableAlarmActions" : "DisableAlarmActions" }, () =>
    client.send(
      enabled
        ? new EnableAlarmActionsCommand({ AlarmNames: [name] })
        : new DisableAlarmActionsCommand({ AlarmNames: [name] }),
    ),
  );
}
