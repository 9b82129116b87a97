import "server-only";
import { DescribeDBLogFilesCommand, type DescribeDBLogFilesDetails, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import { type DbLogFile, newestLogFirst, toDbLogFile } from "./log-file-model";
import { getRdsClient } from "./rds-client";

/**
 * A DB instance's log files, all pages, newest first. Throws NotFound for an
 * unknown instance and Unavailable when RDS cannot be asked.
 */
export async function describeLogFiles({
  instance,
  client = getRdsClient(),
}: {
  instance: string;
  client?: RDSClient;
}): Promise<DbLogFile[]> {
  const raw = await callRds({ operation: "DescribeDBLogFiles", identifier: instance }, async () => {
    const all: DescribeDBLogFilesDetails[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(
        new DescribeDBLogFilesCommand({ DBInstanceIdentifier: instance, MaxRecords: 100, Marker }),
      );
      all.push(...(page.DescribeDBLogFiles ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return raw.map(toDbLogFile).sort(newestLogFirst);
}
