import type { ParameterGroupBackend } from "../parameter-group-backend";
import type { QueryOperation } from "../query/query-operation";
import { copyDBParameterGroupOperation } from "./copy-db-parameter-group";
import { createDBParameterGroupOperation } from "./create-db-parameter-group";
import { deleteDBParameterGroupOperation } from "./delete-db-parameter-group";
import { describeDBParameterGroupsOperation } from "./describe-db-parameter-groups";
import { describeDBParametersOperation } from "./describe-db-parameters";
import { describeEngineDefaultParametersOperation } from "./describe-engine-default-parameters";
import { modifyDBParameterGroupOperation } from "./modify-db-parameter-group";
import { resetDBParameterGroupOperation } from "./reset-db-parameter-group";

/** The DB parameter group actions. */
export function parameterGroupOperations(backend: ParameterGroupBackend): QueryOperation[] {
  return [
    createDBParameterGroupOperation(backend),
    copyDBParameterGroupOperation(backend),
    describeDBParameterGroupsOperation(backend),
    modifyDBParameterGroupOperation(backend),
    resetDBParameterGroupOperation(backend),
    deleteDBParameterGroupOperation(backend),
    describeDBParametersOperation(backend),
    describeEngineDefaultParametersOperation(backend),
  ];
}
