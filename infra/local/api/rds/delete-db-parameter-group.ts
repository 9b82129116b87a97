import { DeleteDBParameterGroup$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { parameterGroupName } from "./parameter-group-input";

const input = z.object({ DBParameterGroupName: parameterGroupName });

/** DeleteDBParameterGroup: not the default group, nor one an instance uses (InvalidDBParameterGroupState). */
export function deleteDBParameterGroupOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: DeleteDBParameterGroup$,
    input,
    handle: (request): Record<string, never> => {
      backend.deleteDBParameterGroup({ name: request.DBParameterGroupName });
      return {};
    },
  });
}
