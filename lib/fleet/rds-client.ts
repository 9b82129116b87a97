/**
 * The process's one RDS client. In local mode it talks to the local fleet's
 * API with the credentials that fleet generated, and gives up quickly: a dead
 * engine should show as "unavailable" within a refresh, not after a minute of
 * retries. In aws mode it uses the standard provider chain and SDK defaults.
 */
import "server-only";
import { RDSClient } from "@aws-sdk/client-rds";
import { getConfig } from "@/lib/config";

// A global, not a module variable: Next may evaluate this module once per
// route bundle, and each client holds its own connection pool.
const globalKey = Symbol.for("rdsdeck.rdsClient");
type Holder = { [globalKey]?: RDSClient };

export function getRdsClient(): RDSClient {
  const holder = globalThis as Holder;
  holder[globalKey] ??= createRdsClient();
  return holder[globalKey];
}

function createRdsClient(): RDSClient {
  const { mode, aws } = getConfig();
  const local = mode === "local";
  return new RDSClient({
    region: aws.region,
    endpoint: aws.rdsEndpoint,
    credentials: aws.credentials,
    maxAttempts: local ? 2 : 3,
    requestHandler: local
      ? { connectionTimeout: 1_000, requestTimeout: 5_000 }
      : { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
}
