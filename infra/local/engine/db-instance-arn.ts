/** ARNs of the local fleet's resources, in the account id the local fleet uses (obviously not a real one). */
import type { Fleet } from "../../fleet";

export const LOCAL_ACCOUNT_ID = "000000000000";

const ARN_RESOURCE = { "db-instance": "db", "db-snapshot": "snapshot", "db-parameter-group": "pg" } as const;

export function instanceArn(fleet: Fleet, type: keyof typeof ARN_RESOURCE, id: string): string {
  return `arn:aws:rds:${fleet.region}:${LOCAL_ACCOUNT_ID}:${ARN_RESOURCE[type]}:${id}`;
}

/** An automated backup's ARN; RDS names them ab-<random>, here derived from the instance's DbiResourceId. */
export function automatedBackupArn(fleet: Fleet, dbiResourceId: string): string {
  return `arn:aws:rds:${fleet.region}:${LOCAL_ACCOUNT_ID}:auto-backup:ab-${dbiResourceId.replace(/^db-/, "").toLowerCase()}`;
}
