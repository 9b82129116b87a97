import "server-only";
import { type DBInstance, DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";

/** An instance and the parameter group it uses, with how far the group's values are live there. */
export type ParameterGroupUser = { instance: string; status: string; group: string; applyStatus: string };

/** Every instance with its parameter group (all pages), so a page can say which instances a change reaches. */
export async function describeParameterGroupUsers({
  client = getRdsClient(),
}: {
  client?: RDSClient;
} = {}): Promise<ParameterGroupUser[]> {
  const raw = await callRds({ operation: "DescribeDBInstances" }, async () => {
    const all: DBInstance[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker }));
      all.push(...(page.DBInstances ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return raw.flatMap((i) =>
    (i.DBParameterGroups ?? []).map((g) => ({
      instance: i.DBInstanceIdentifier ?? "(unnamed)",
      status: i.DBInstanceStatus ?? "unknown",
      group: g.DBParameterGroupName ?? "",
      applyStatus: g.ParameterApplyStatus ?? "unknown",
    })),
  );
}

/** The instances using `group`, by identifier. */
export async function instancesUsing(group: string): Promise<string[]> {
  return (await describeParameterGroupUsers())
    .filter((u) => u.group === group)
    .map((u) => u.instance)
    .sort();
}
