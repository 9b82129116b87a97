import { DisableAlarmActions$, EnableAlarmActions$ } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";

const input = z.object({ AlarmNames: z.array(z.string().min(1).max(255)).max(100) });

/** EnableAlarmActions / DisableAlarmActions; names of alarms that do not exist are ignored, as by CloudWatch. */
export function alarmActionsOperations(backend: CloudWatchBackend): QueryOperation[] {
  return [
    defineQueryOperation({
      schema: EnableAlarmActions$,
      input,
      handle: (request) => {
        backend.alarms.setActionsEnabled(request.AlarmNames, true);
        return {};
      },
    }),
    defineQueryOperation({
      schema: DisableAlarmActions$,
      input,
      handle: (request) => {
        backend.alarms.setActionsEnabled(request.AlarmNames, false);
        return {};
      },
    }),
  ];
}
