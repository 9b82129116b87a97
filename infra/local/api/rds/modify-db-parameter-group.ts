import { type DBParameterGroupNameMessage, ModifyDBParameterGroup$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { parameterGroupName, parameterList } from "./parameter-group-input";

const input = z.object({ DBParameterGroupName: parameterGroupName, Parameters: parameterList(20) });

/**
 * ModifyDBParameterGroup: up to 20 parameters, each with a value and an
 * ApplyMethod (immediate only for dynamic parameters). Nothing is saved
 * unless every parameter is accepted.
 */
export function modifyDBParameterGroupOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: ModifyDBParameterGroup$,
    input,
    handle: async (request): Promise<DBParameterGroupNameMessage> => {
      const parameters = request.Parameters.map((p, i) => {
        const at = `Parameters.Parameter.${i + 1}`;
        if (p.ParameterValue === undefined) throw commonErrors.missingParameter(`${at}.ParameterValue`);
        if (p.ApplyMethod === undefined) throw commonErrors.missingParameter(`${at}.ApplyMethod`);
        return { name: p.ParameterName, value: p.ParameterValue, applyMethod: p.ApplyMethod };
      });
      return {
        DBParameterGroupName: await backend.modifyDBParameterGroup({ name: request.DBParameterGroupName, parameters }),
      };
    },
  });
}
