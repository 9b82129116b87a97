import "server-only";
import { type DBInstance, paginateDescribeDBInstances, type RDSClient } from "@aws-sdk/client-rds";
import { getConfig } from "@/lib/config";
import { isDomainError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Fleet } from "./fleet-model";
import { groupTopologies } from "./group-topologies";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";
import { toFleetError } from "./to-fleet-error";

/**
 * Reads every DB instance in the region (all pages) and groups them into
 * topologies. Throws Unavailable when the RDS API cannot be reached.
 */
export async function describeFleet({ client = getRdsClient() }: { client?: RDSClient } = {}): Promise<Fleet> {
  const raw: DBInstance[] = [];
  try {
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
      raw.push(...(page.DBInstances ?? []));
    }
  } catch (error) {
    const translated = toFleetError(error, { operation: "DescribeDBInstances" });
    const { mode, aws } = getConfig();
    const context = { operation: "DescribeDBInstances", mode, endpoint: aws.rdsEndpoint, region: aws.region };
    if (isDomainError(translated)) {
      log().warn({ ...context, code: translated.code, cause: summarize(error) }, translated.message);
    } else {
      log().error({ ...context, err: error }, "DescribeDBInstances failed");
    }
    throw translated;
  }
  const instances = raw.map(toDbInstance);
  return { topologies: groupTopologies(instances), instanceCount: instances.length, describedAt: new Date() };
}

/** Enough of an SDK error to diagnose an outage, without its stack (logged every refresh while it lasts). */
function summarize(error: unknown) {
  if (!(error instanceof Error)) return String(error);
  const { name, message } = error;
  const code = (error as { code?: unknown }).code;
  return { name, message, code };
}
