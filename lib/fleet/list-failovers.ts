import "server-only";
import type { RDSClient } from "@aws-sdk/client-rds";
import { describeEvents } from "./describe-events";
import { type Failover, failoverHistory } from "./failover-history";
import { getRdsClient } from "./rds-client";

/**
 * The Multi-AZ failovers of every DB instance since `since`, newest first,
 * from the failover and recovery events (the only ones a failover emits).
 */
export async function listFailovers({
  since,
  client = getRdsClient(),
}: {
  since: Date;
  client?: RDSClient;
}): Promise<Failover[]> {
  const { events } = await describeEvents(
    { source: { type: "db-instance" }, categories: ["failover", "recovery"], startTime: since },
    { client },
  );
  return failoverHistory(events);
}
