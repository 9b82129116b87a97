import "server-only";
import type { RDSClient } from "@aws-sdk/client-rds";
import { Unavailable } from "@/lib/errors";
import { describeInstance } from "./describe-instance";
import { getRdsClient } from "./rds-client";

/**
 * The ARN RDS gives a DB instance (tagging calls name resources by ARN, and
 * only RDS knows the account). Throws NotFound for an instance RDS does not
 * have, as describeInstance does.
 */
export async function instanceArn({
  identifier,
  client = getRdsClient(),
}: {
  identifier: string;
  client?: RDSClient;
}): Promise<string> {
  const { instance } = await describeInstance({ identifier, client });
  if (!instance.arn) throw new Unavailable(`RDS reported no ARN for DB instance ${identifier}.`);
  return instance.arn;
}
