import "server-only";
import { DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import { NotFound } from "@/lib/errors";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { type DetailSection, instanceDetailSections } from "./instance-detail-sections";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

export type InstanceDescription = {
  instance: DbInstance;
  /** Everything else DescribeDBInstances says, grouped for the instance page. */
  sections: DetailSection[];
};

/** One DB instance by identifier. Throws NotFound when RDS has none by that name, Unavailable when it cannot be asked. */
export async function describeInstance({
  identifier,
  client = getRdsClient(),
}: {
  identifier: string;
  client?: RDSClient;
}): Promise<InstanceDescription> {
  const output = await callRds({ operation: "DescribeDBInstances", identifier }, () =>
    client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier })),
  );
  // RDS also matches an ARN here; prefer the exact identifier should it ever list more than one.
  const raw = output.DBInstances?.find((i) => i.DBInstanceIdentifier === identifier) ?? output.DBInstances?.[0];
  if (!raw) throw new NotFound(`DB instance ${identifier} was not found.`);
  return { instance: toDbInstance(raw), sections: instanceDetailSections(raw) };
}
