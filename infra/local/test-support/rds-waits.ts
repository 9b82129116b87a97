/**
 * Waiting for an instance or snapshot to reach a status through the RDS API,
 * as an application would poll. A wait that times out says where the thing
 * was stuck: its last status and the newest events about it, so a failure in
 * CI can be understood from the test output alone.
 */
import {
  type DBInstance,
  type DBSnapshot,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  type RDSClient,
  type SourceType,
} from "@aws-sdk/client-rds";
import { describeOne, eventually } from "./temp-fleet";

/** "HH:MM:SS.mmm message" for the newest events of one source, oldest first. */
export async function recentEvents(rds: RDSClient, sourceType: SourceType, id: string, count = 6): Promise<string[]> {
  const events =
    (await rds.send(new DescribeEventsCommand({ SourceType: sourceType, SourceIdentifier: id, Duration: 60 })))
      .Events ?? [];
  return events.slice(-count).map((e) => `${e.Date?.toISOString().slice(11, 23)} ${e.Message}`);
}

async function explainTimeout(
  error: unknown,
  rds: RDSClient,
  sourceType: SourceType,
  id: string,
  lastStatus: string | undefined,
): Promise<Error> {
  const events = await recentEvents(rds, sourceType, id).catch((e: Error) => [`(events unavailable: ${e.message})`]);
  const message = `${(error as Error).message}; last status ${lastStatus ?? "unknown"}; recent events: ${
    events.length ? events.join(" | ") : "none"
  }`;
  return new Error(message, { cause: error });
}

export async function waitForInstance(
  rds: RDSClient,
  id: string,
  status = "available",
  timeoutMs = 90_000,
): Promise<DBInstance> {
  let last: string | undefined;
  try {
    return await eventually(
      async () => {
        const found = await describeOne(rds, id);
        last = found.DBInstanceStatus;
        return last === status ? found : undefined;
      },
      timeoutMs,
      `${id} ${status}`,
    );
  } catch (error) {
    throw await explainTimeout(error, rds, "db-instance", id, last);
  }
}

/**
 * Until DescribeDBInstances says the instance is gone (DBInstanceNotFound):
 * any other error — an answer lost while the deletion runs — is not its end,
 * and waiting goes on.
 */
export async function waitForInstanceGone(rds: RDSClient, id: string, timeoutMs = 90_000): Promise<void> {
  let last: string | undefined;
  try {
    await eventually(
      async () => {
        try {
          last = (await describeOne(rds, id)).DBInstanceStatus;
          return undefined;
        } catch (error) {
          if ((error as Error).name === "DBInstanceNotFoundFault") return true;
          last = `unknown (${(error as Error).message})`;
          return undefined;
        }
      },
      timeoutMs,
      `${id} deleted`,
    );
  } catch (error) {
    throw await explainTimeout(error, rds, "db-instance", id, last);
  }
}

export async function waitForSnapshot(rds: RDSClient, id: string, timeoutMs = 90_000): Promise<DBSnapshot> {
  let last: string | undefined;
  let settled: DBSnapshot;
  try {
    settled = await eventually(
      async () => {
        const s = (await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }))).DBSnapshots?.[0];
        last = s ? `${s.Status} (${s.PercentProgress ?? 0}%)` : undefined;
        return s?.Status === "available" || s?.Status === "failed" ? s : undefined;
      },
      timeoutMs,
      `snapshot ${id} available`,
    );
  } catch (error) {
    throw await explainTimeout(error, rds, "db-snapshot", id, last);
  }
  if (settled.Status === "failed") {
    throw await explainTimeout(new Error(`snapshot ${id} failed`), rds, "db-snapshot", id, last);
  }
  return settled;
}
