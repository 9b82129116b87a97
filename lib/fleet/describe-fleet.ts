import "server-only";
import { type DBInstance, paginateDescribeDBInstances, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { Fleet } from "./fleet-model";
import { groupTopologies } from "./group-topologies";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/**
 * Reads every DB instance in the region (all pages) and groups them into
 * topologies. Throws Unavailable when the RDS API cannot be reached.
 */
export async function describeFleet({ client = getRdsClient() }: { client?: RDSClient } = {}): Promise<Fleet> {
  const raw = await callRds({ operation: "DescribeDBInstances" }, async () => {
    const all: DBInstance[] = [];
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
      all.push(...(page.DBInstances ?? []));
    }
    return all;
  });
  const instances = raw.map(toDbInstance);
  return { topologies: groupTopologies(instances), instanceCount: instances.length, describedAt: new Date() };
}
