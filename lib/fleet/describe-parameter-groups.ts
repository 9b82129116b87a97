import "server-only";
import {
  type DBParameterGroup,
  DescribeDBParameterGroupsCommand,
  DescribeDBParametersCommand,
  type Parameter,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { NotFound } from "@/lib/errors";
import { callRds } from "./call-rds";
import { type DbParameter, type ParameterGroup, toDbParameter, toParameterGroup } from "./parameter-group-model";
import { getRdsClient } from "./rds-client";

/** Every DB parameter group of the region (all pages), by name. */
export async function describeParameterGroups({
  client = getRdsClient(),
}: {
  client?: RDSClient;
} = {}): Promise<ParameterGroup[]> {
  const raw = await callRds({ operation: "DescribeDBParameterGroups" }, async () => {
    const all: DBParameterGroup[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(new DescribeDBParameterGroupsCommand({ MaxRecords: 100, Marker }));
      all.push(...(page.DBParameterGroups ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return raw.map(toParameterGroup).sort((a, b) => a.name.localeCompare(b.name));
}

/** One group and all its parameters (every page); NotFound when RDS has no such group. */
export async function describeParameterGroup({
  name,
  client = getRdsClient(),
}: {
  name: string;
  client?: RDSClient;
}): Promise<{ group: ParameterGroup; parameters: DbParameter[] }> {
  const groups = await callRds({ operation: "DescribeDBParameterGroups" }, () =>
    client.send(new DescribeDBParameterGroupsCommand({ DBParameterGroupName: name })),
  );
  const found = groups.DBParameterGroups?.[0];
  if (!found) throw new NotFound(`DB parameter group ${name} was not found.`);
  const raw = await callRds({ operation: "DescribeDBParameters" }, async () => {
    const all: Parameter[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(
        new DescribeDBParametersCommand({ DBParameterGroupName: name, MaxRecords: 100, Marker }),
      );
      all.push(...(page.Parameters ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return { group: toParameterGroup(found), parameters: raw.map(toDbParameter) };
}
