import { SetAlarmState$ } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";

const input = z.object({
  AlarmName: z.string().min(1).max(255),
  StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]),
  StateReason: z.string().max(1023),
  StateReasonData: z.string().max(4000).optional(),
});

/**
 * SetAlarmState: moves the alarm now (actions fire on a change, as for an
 * evaluation); the next evaluation decides again.
 */
export function setAlarmStateOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: SetAlarmState$,
    input,
    handle: (request) => {
      if (backend.alarms.get(request.AlarmName) === undefined) {
        throw cloudWatchErrors.resourceNotFound(`Alarm ${request.AlarmName} not found`);
      }
      if (request.StateReasonData !== undefined) {
        try {
          JSON.parse(request.StateReasonData);
        } catch {
          throw cloudWatchErrors.invalidFormat("StateReasonData is not valid JSON.");
        }
      }
      backend.alarms.transition(request.AlarmName, {
        state: request.StateValue,
        reason: request.StateReason,
        ...(request.StateReasonData === undefined ? {} : { reasonData: request.StateReasonData }),
      });
      return {};
    },
  });
}
