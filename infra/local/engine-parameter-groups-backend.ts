/** The RDS API's view of the engine's DB parameter groups and of the parameters of its postgres. */
import type { DBParameterGroup, Parameter } from "@aws-sdk/client-rds";
import type { Fleet } from "../fleet";
import type { ParameterGroupBackend } from "./api/parameter-group-backend";
import { instanceArn } from "./engine/db-instance-arn";
import type { FleetEngine } from "./engine/fleet-engine";
import { assignInstanceParameterGroup } from "./engine/parameters/instance-parameter-group";
import type { ParameterGroupView, ParameterView } from "./engine/parameters/parameter-groups";
import { call, callAsync } from "./engine-rds-backend";

export function engineParameterGroupsBackend(engine: FleetEngine, fleet: Fleet): ParameterGroupBackend {
  const group = (g: ParameterGroupView): DBParameterGroup => ({
    DBParameterGroupName: g.name,
    DBParameterGroupFamily: g.family,
    Description: g.description,
    DBParameterGroupArn: instanceArn(fleet, "db-parameter-group", g.name),
  });
  const groups = () => engine.parameterGroups;
  return {
    createDBParameterGroup: (request) => group(call(() => groups().create(request))),
    copyDBParameterGroup: (request) => group(call(() => groups().copy(request))),
    describeDBParameterGroups: () => groups().all().map(group),
    modifyDBParameterGroup: ({ name, parameters }) => callAsync(() => groups().modify(name, parameters)),
    resetDBParameterGroup: ({ name, all, parameters }) => callAsync(() => groups().reset(name, { all, parameters })),
    deleteDBParameterGroup: ({ name }) => call(() => groups().delete(name)),
    describeDBParameters: async ({ name }) => (await callAsync(() => groups().parameters(name))).map(toParameter),
    describeEngineDefaultParameters: async ({ family }) =>
      (await callAsync(() => groups().engineDefaults(family))).map(toParameter),
    assignDBParameterGroup: ({ instanceId, name }) =>
      call(() => assignInstanceParameterGroup(engine, instanceId, name)),
  };
}

function toParameter(p: ParameterView): Parameter {
  return {
    ParameterName: p.name,
    ParameterValue: p.value,
    Description: p.description,
    Source: p.source,
    ApplyType: p.applyType,
    DataType: p.dataType,
    AllowedValues: p.allowedValues,
    IsModifiable: p.isModifiable,
    ApplyMethod: p.applyMethod,
  };
}
