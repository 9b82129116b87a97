import "server-only";
import { type DBSnapshot, DescribeDBSnapshotsCommand, type RDSClient } from "@aws-sdk/client-rds";
import { NotFound } from "@/lib/errors";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";
import { type DbSnapshot, newestFirst, toDbSnapshot } from "./snapshot-model";

/**
 * The region's DB snapshots (manual and automated), or one instance's, all
 * pages, newest first. Throws Unavailable when RDS cannot be asked.
 */
export async function describeSnapshots({
  instance,
  client = getRdsClient(),
}: {
  instance?: string;
  client?: RDSClient;
} = {}): Promise<DbSnapshot[]> {
  const raw = await callRds({ operation: "DescribeDBSnapshots", identifier: instance }, async () => {
    const all: DBSnapshot[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(
        new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: instance, MaxRecords: 100, Marker }),
      );
      all.push(...(page.DBSnapshots ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return raw.map(toDbSnapshot).sort(newestFirst);
}

/** One snapshot by identifier; NotFound when RDS has none. */
export async function describeSnapshot({
  identifier,
  client = getRdsClient(),
}: {
  identifier: string;
  client?: RDSClient;
}): Promise<DbSnapshot> {
  const output = await callRds({ operation: "DescribeDBSnapshots" }, () =>
    client.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: identifier })),
  );
  const found = output.DBSnapshots?.[0];
  if (!found) throw new NotFound(`DB snapshot ${identifier} was not found.`);
  return toDbSnapshot(found);
}
