import { type DBParameterGroupNameMessage, ResetDBParameterGroup$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { parameterGroupName, parameterList } from "./parameter-group-input";

const input = z.object({
  DBParameterGroupName: parameterGroupName,
  ResetAllParameters: z.boolean().optional(),
  Parameters: parameterList(20).optional(),
});

/** ResetDBParameterGroup: every parameter (ResetAllParameters) or the listed ones back to their defaults. */
export function resetDBParameterGroupOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: ResetDBParameterGroup$,
    input,
    handle: async (request): Promise<DBParameterGroupNameMessage> => {
      const all = request.ResetAllParameters ?? false;
      if (all === (request.Parameters !== undefined)) {
        throw commonErrors.invalidParameterCombination(
          all
            ? "ResetAllParameters cannot be used together with Parameters."
            : "Either ResetAllParameters must be true or Parameters must list the parameters to reset.",
        );
      }
      const parameters = (request.Parameters ?? []).map((p, i) => {
        if (p.ApplyMethod === undefined)
          throw commonErrors.missingParameter(`Parameters.Parameter.${i + 1}.ApplyMethod`);
        return { name: p.ParameterName, applyMethod: p.ApplyMethod };
      });
      return {
        DBParameterGroupName: await backend.resetDBParameterGroup({
          name: request.DBParameterGroupName,
          all,
          parameters,
        }),
      };
    },
  });
}
