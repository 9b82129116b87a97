import { DeleteAlarms$ } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";

const input = z.object({ AlarmNames: z.array(z.string().min(1).max(255)).max(100) });

/** DeleteAlarms: all or nothing; a name that does not exist is ResourceNotFound and nothing is deleted. */
export function deleteAlarmsOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: DeleteAlarms$,
    input,
    handle: (request) => {
      const missing = request.AlarmNames.filter((name) => backend.alarms.get(name) === undefined);
      if (missing.length > 0)
        throw cloudWatchErrors.resourceNotFound(`The following alarms were not found: [${missing.join(", ")}]`);
      backend.alarms.delete(request.AlarmNames);
      return {};
    },
  });
}
