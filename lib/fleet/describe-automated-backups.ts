import "server-only";
import {
  type DBInstanceAutomatedBackup,
  DescribeDBInstanceAutomatedBackupsCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { type AutomatedBackup, activeFirst, toAutomatedBackup } from "./automated-backup-model";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";

/**
 * The region's automated backups, all pages: every instance with backup
 * retention (active) and what deleted ones kept (retained). Throws
 * Unavailable when RDS cannot be asked.
 */
export async function describeAutomatedBackups({
  client = getRdsClient(),
}: {
  client?: RDSClient;
} = {}): Promise<AutomatedBackup[]> {
  const raw = await callRds({ operation: "DescribeDBInstanceAutomatedBackups" }, async () => {
    const all: DBInstanceAutomatedBackup[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(new DescribeDBInstanceAutomatedBackupsCommand({ MaxRecords: 100, Marker }));
      all.push(...(page.DBInstanceAutomatedBackups ?? []));
      Marker = page.Marker;
    } while (Marker);
    return all;
  });
  return raw.map(toAutomatedBackup).sort(activeFirst);
}
