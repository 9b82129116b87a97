import "server-only";
import {
  CreateDBParameterGroupCommand,
  DeleteDBParameterGroupCommand,
  ModifyDBInstanceCommand,
  ModifyDBParameterGroupCommand,
  type RDSClient,
  ResetDBParameterGroupCommand,
} from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";

export type ApplyMethod = "immediate" | "pending-reboot";

/** CreateDBParameterGroup: an empty group (every parameter at its default) of the fleet's family. */
export async function createParameterGroup({
  name,
  family,
  description,
  client = getRdsClient(),
}: {
  name: string;
  family: string;
  description: string;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "CreateDBParameterGroup" }, () =>
    client.send(
      new CreateDBParameterGroupCommand({
        DBParameterGroupName: name,
        DBParameterGroupFamily: family,
        Description: description,
      }),
    ),
  );
}

/** ModifyDBParameterGroup for one parameter; RDS checks the value against AllowedValues and the apply method. */
export async function modifyParameter({
  group,
  parameter,
  value,
  applyMethod,
  client = getRdsClient(),
}: {
  group: string;
  parameter: string;
  value: string;
  applyMethod: ApplyMethod;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "ModifyDBParameterGroup" }, () =>
    client.send(
      new ModifyDBParameterGroupCommand({
        DBParameterGroupName: group,
        Parameters: [{ ParameterName: parameter, ParameterValue: value, ApplyMethod: applyMethod }],
      }),
    ),
  );
}

/** ResetDBParameterGroup for one parameter: back to its default. */
export async function resetParameter({
  group,
  parameter,
  applyMethod,
  client = getRdsClient(),
}: {
  group: string;
  parameter: string;
  applyMethod: ApplyMethod;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "ResetDBParameterGroup" }, () =>
    client.send(
      new ResetDBParameterGroupCommand({
        DBParameterGroupName: group,
        Parameters: [{ ParameterName: parameter, ApplyMethod: applyMethod }],
      }),
    ),
  );
}

export async function deleteParameterGroup({
  name,
  client = getRdsClient(),
}: {
  name: string;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "DeleteDBParameterGroup" }, () =>
    client.send(new DeleteDBParameterGroupCommand({ DBParameterGroupName: name })),
  );
}

/** ModifyDBInstance DBParameterGroupName: the instance takes the group's values at its next reboot. */
export async function assignParameterGroup({
  instance,
  group,
  client = getRdsClient(),
}: {
  instance: string;
  group: string;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "ModifyDBInstance", identifier: instance }, () =>
    client.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: instance, DBParameterGroupName: group })),
  );
}
